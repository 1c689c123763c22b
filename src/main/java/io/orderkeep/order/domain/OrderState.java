package io.orderkeep.order.domain;

import java.util.Objects;

/** What the state machine needs to know of an order: where it stands, what it costs and what went back. */
public record OrderState(OrderStatus status, long totalAmount, long refundedAmount) {

    public OrderState {
        Objects.requireNonNull(status, "status");
        if (refundedAmount < 0 || refundedAmount > totalAmount) {
            throw new IllegalStateException("refunded " + refundedAmount + " of " + totalAmount + " in status "
                    + status + ": indicates a bug");
        }
    }

    public static OrderState created(long totalAmount) {
        return new OrderState(OrderStatus.PENDING_PAYMENT, totalAmount, 0);
    }
}
