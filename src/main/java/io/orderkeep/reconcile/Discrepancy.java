package io.orderkeep.reconcile;

import java.time.Instant;

/**
 * A settlement row that did not simply match, as people review it. {@code resolution} is {@code AUTO_REPAIRED},
 * {@code NEEDS_REVIEW}, {@code IGNORED} (by policy), or after an operator's decision {@code REPAIRED},
 * {@code REFUNDED}, {@code DISMISSED}; the {@code resolved*} fields say who decided what, and why (null before).
 */
public record Discrepancy(String id, String runId, String kind, long line, String transactionId, String orderId,
        long amount, String currency, String detail, String resolution, String suggestion, String resolvedAction,
        String resolvedBy, String resolvedReason, Instant resolvedAt) {

    public boolean needsReview() {
        return "NEEDS_REVIEW".equals(resolution);
    }
}
