package io.orderkeep.order.domain;

/** Where one hop stands. An order is unreturned while any hop is overdue or failed. */
public enum HopState {
    PENDING,
    RETURNED,
    OVERDUE,
    FAILED,
    SKIPPED
}
