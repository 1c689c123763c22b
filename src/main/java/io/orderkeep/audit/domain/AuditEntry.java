package io.orderkeep.audit.domain;

import java.time.Instant;

/**
 * One entry of the trail. {@code detail} is canonical JSON text; {@code hash} is SHA-256 over the entry's
 * canonical content, {@code prevHash} included (null while the entry is being built).
 */
public record AuditEntry(long seq, Instant at, String actor, String action, String targetType, String targetId,
        String detail, String prevHash, String hash) {}
