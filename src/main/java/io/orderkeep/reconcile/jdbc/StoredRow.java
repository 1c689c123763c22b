package io.orderkeep.reconcile.jdbc;

/**
 * One row's outcome as stored. {@code resolution}: {@code NONE} (matched), {@code AUTO_REPAIRED},
 * {@code NEEDS_REVIEW}, {@code IGNORED} (by policy), or after an operator's action {@code REPAIRED},
 * {@code REFUNDED}, {@code DISMISSED}; {@code REFUNDING} while a refund asked by an operator is under way. {@code named} lists the local payments and refunds the row named, comma
 * separated, so a resumed run remembers them. {@code providerRef} is the provider's reference of the payment the
 * row names (what a refund at the provider is asked for), when known.
 */
public record StoredRow(String id, String runId, long line, String localKey, String kind, String rowKey, String named,
        String transactionId, String providerRef, String attemptId, String refundId, String orderId, long amount, String currency,
        String detail, String resolution, String suggestion, String resolvedAction, String resolvedBy,
        String resolvedReason, Long resolvedAt) {}
