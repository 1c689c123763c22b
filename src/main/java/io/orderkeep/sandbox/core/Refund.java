package io.orderkeep.sandbox.core;

import java.time.Instant;

/** Money sent back on a paid payment. {@code refundId} is the caller's idempotency key (or one the sandbox made up). */
public record Refund(String refundId, String providerRef, long amount, Instant createdAt) {}
