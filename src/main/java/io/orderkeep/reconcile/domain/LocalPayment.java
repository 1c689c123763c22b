package io.orderkeep.reconcile.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A payment attempt as Orderkeep stored it. {@code attemptId} is what the provider knows as the out trade
 * number; {@code providerRef} is null while the provider's answer never came back. {@code succeededAt} is null
 * unless the money was collected.
 */
public record LocalPayment(String attemptId, String providerRef, String orderId, long amount, String currency,
        LocalStatus status, Instant succeededAt, List<LocalRefund> refunds) {

    public LocalPayment {
        refunds = List.copyOf(refunds);
    }

    /** Orders attempts that collected money: the earliest is the order's payment, any later one a duplicate. */
    boolean collectedBefore(LocalPayment other) {
        int byTime = Comparator.nullsLast(Comparator.<Instant>naturalOrder()).compare(succeededAt, other.succeededAt);
        return byTime != 0 ? byTime < 0 : attemptId.compareTo(other.attemptId) < 0;
    }
}
