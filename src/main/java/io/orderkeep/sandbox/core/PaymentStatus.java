package io.orderkeep.sandbox.core;

/** Where a sandbox payment stands. Only {@code PENDING} moves to SUCCEEDED, FAILED or CLOSED; paid ones move on only by refunds. */
public enum PaymentStatus {
    PENDING, SUCCEEDED, FAILED, CLOSED, PARTIALLY_REFUNDED, REFUNDED;

    /** The money moved: succeeded, whether or not some of it went back since. */
    public boolean isPaid() {
        return this == SUCCEEDED || this == PARTIALLY_REFUNDED || this == REFUNDED;
    }
}
