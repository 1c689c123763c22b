package io.orderkeep.reconcile.domain;

/**
 * Which header column holds each field of a settlement row. {@code null} means the file has no such column:
 * {@code transactionId} then falls back to {@code providerRef}; {@code type} to PAYMENT; {@code status} to
 * SUCCEEDED (a bill that lists only settled money); {@code currency} to the mapping's default; {@code fee} to 0.
 * The {@code refund…} columns, when given, are read instead of the ordinary ones on refund rows (bills that list
 * a refund beside the original order's amount and number).
 */
public record CsvColumns(String transactionId, String providerRef, String outTradeNo, String type, String status,
        String amount, String currency, String fee, String occurredAt, String refundTransactionId,
        String outRefundNo, String refundAmount) {

    public CsvColumns {
        if (providerRef == null && outTradeNo == null) {
            throw new IllegalArgumentException("a mapping needs a providerRef or an outTradeNo column");
        }
        if (amount == null || occurredAt == null) {
            throw new IllegalArgumentException("a mapping needs an amount and an occurredAt column");
        }
    }
}
