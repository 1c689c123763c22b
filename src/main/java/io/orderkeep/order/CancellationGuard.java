package io.orderkeep.order;

/**
 * Asked before an order is cancelled through the API: the payments module closes an open payment attempt at the
 * provider here, and refuses (throws an {@code ApiException} 409 {@code order_paid}) when the provider says the
 * order was paid after all. Runs outside any transaction, because it may call a third party.
 */
public interface CancellationGuard {

    void beforeCancel(OrderSnapshot order, Change change);
}
