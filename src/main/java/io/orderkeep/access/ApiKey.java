package io.orderkeep.access;

import io.orderkeep.platform.Role;
import java.time.Instant;

/** An API key as it is listed: never the key itself, only its first characters to recognise it by. */
public record ApiKey(String id, String name, Role role, String merchantId, String prefix, Instant createdAt,
        Instant revokedAt) {}
