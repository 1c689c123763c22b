package io.orderkeep.reconcile.domain;

/**
 * How one row of the file, or one local payment or refund absent from it, was classified. {@code line} is 0 for
 * a verdict on a local record ({@code MISSING_AT_PROVIDER}); ids are null where unknown; amounts are the file's
 * (Orderkeep's for {@code MISSING_AT_PROVIDER}); {@code detail} says what differs, in words an operator reads.
 */
public record Verdict(MatchKind kind, long line, String transactionId, String attemptId, String refundId,
        String orderId, long amount, String currency, String detail) {

    static Verdict invalid(RejectedRow row) {
        return new Verdict(MatchKind.INVALID_ROW, row.line(), null, null, null, null, 0, null, row.reason());
    }
}
