package io.orderkeep.payment;

import io.orderkeep.payment.domain.AttemptStatus;
import java.time.Instant;
import java.util.List;

/**
 * One payment attempt as the payments module stored it, with its refunds: what other modules (reconciliation)
 * read instead of the payments tables.
 *
 * @param attemptId the out trade number the provider knows
 * @param providerRef the provider's id, null while its answer never came back
 * @param succeededAt when Orderkeep learned the money arrived; null unless it did
 */
public record PaymentRecord(String attemptId, String providerRef, String orderId, String provider, long amount,
        String currency, AttemptStatus status, Instant succeededAt, List<RefundRecord> refunds) {

    public PaymentRecord {
        refunds = List.copyOf(refunds);
    }

    /**
     * A refund asked through Orderkeep.
     *
     * @param refundId our id, which the provider is idempotent on (the sandbox lists it as the refund's transaction)
     * @param status {@code PENDING} until the provider answered, then {@code SUCCEEDED} or {@code REFUSED}
     * @param succeededAt when it succeeded; null unless it did
     */
    public record RefundRecord(String refundId, String providerRef, long amount, String status, Instant succeededAt) {}
}
