package io.orderkeep.reconcile.domain;

import java.time.Instant;

/**
 * A refund Orderkeep stored: its own id, the provider's reference once known, an amount in minor units of the
 * payment's currency.
 */
public record LocalRefund(String refundId, String providerRef, long amount, LocalStatus status, Instant succeededAt) {

    /** Whether a refund row of the file is this refund: by the provider's reference, or by our own refund id. */
    boolean isListedAs(SettlementRow row) {
        return (providerRef != null && providerRef.equals(row.transactionId()))
                || (row.outRefundNo() != null && row.outRefundNo().equals(refundId));
    }
}
