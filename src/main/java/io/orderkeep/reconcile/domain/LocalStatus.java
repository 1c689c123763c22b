package io.orderkeep.reconcile.domain;

/** Where Orderkeep's own record of a payment attempt or a refund stands. */
public enum LocalStatus {
    PENDING,
    /** Our call to the provider failed or timed out: the money may or may not have moved. */
    UNKNOWN,
    SUCCEEDED,
    /** A payment collected and since refunded in full. */
    REFUNDED,
    FAILED,
    CANCELLED;

    /** Whether Orderkeep holds the money of this record as collected (a refunded payment was collected too). */
    public boolean collected() {
        return this == SUCCEEDED || this == REFUNDED;
    }
}
