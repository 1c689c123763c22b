package io.orderkeep.order.domain;

/**
 * Where an order stands. {@code PENDING_PAYMENT → PAID → FULFILLED → COMPLETED}; {@code PENDING_PAYMENT →
 * CANCELLED | EXPIRED}; {@code PAID | FULFILLED | COMPLETED → PARTIALLY_REFUNDED → REFUNDED}.
 */
public enum OrderStatus {
    PENDING_PAYMENT,
    PAID,
    FULFILLED,
    COMPLETED,
    CANCELLED,
    EXPIRED,
    PARTIALLY_REFUNDED,
    REFUNDED;

    /** A terminal status never moves again, whatever arrives late. */
    public boolean isTerminal() {
        return this == CANCELLED || this == EXPIRED || this == REFUNDED;
    }
}
