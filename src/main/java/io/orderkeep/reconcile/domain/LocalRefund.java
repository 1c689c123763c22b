package io.orderkeep.reconcile.domain;

import java.time.Instant;

/**
 * A refund Orderkeep stored: its own id, the provider's reference once known, an amount in minor units of the
 * payment's currency.
 */
public record LocalRefund(String refundId, String providerRef, long amount, LocalStatus status, Instant succeededAt) {

    /**
     * Whether a refund row of the file is this refund: by the provider's reference, or by our own refund id, in the
     * file's own column (WeChat's 商户退款单号) or as the transaction id (the sandbox lists a refund under the id we
     * asked it with, which is all Orderkeep holds while the provider's answer never came back).
     */
    boolean isListedAs(SettlementRow row) {
        return (providerRef != null && providerRef.equals(row.transactionId()))
                || refundId.equals(row.transactionId())
                || (row.outRefundNo() != null && row.outRefundNo().equals(refundId));
    }
}
