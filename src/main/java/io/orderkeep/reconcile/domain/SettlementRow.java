package io.orderkeep.reconcile.domain;

import java.time.Instant;

/**
 * One accepted row of a settlement file. Amounts are minor units of {@code currency}, always positive (a refund's
 * direction is its {@code type}). {@code providerRef} or {@code outTradeNo} may be null, never both;
 * {@code outRefundNo} is Orderkeep's refund id when the file carries it.
 */
public record SettlementRow(long line, String transactionId, String providerRef, String outTradeNo,
        String outRefundNo, RowType type, SettlementStatus status, long amount, String currency, long fee,
        Instant occurredAt) implements ReadOutcome {

    /**
     * What identifies this money movement in the file: the same key twice is the same transaction listed twice.
     * Some bills give a refund the payment's transaction id, so a refund's own number is part of the key.
     */
    public String key() {
        return type + "|" + transactionId + "|" + (outRefundNo == null ? "" : outRefundNo);
    }
}
