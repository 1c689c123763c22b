package io.orderkeep.reconcile.domain;

/** A row's status once the provider's own word (SUCCESS, 交易成功, …) has been mapped. */
public enum SettlementStatus {
    /** The money of this row moved. */
    SUCCEEDED,
    /** A payment that has since been refunded: its money did move (the refund has its own row). */
    REFUNDED,
    FAILED,
    CLOSED,
    PENDING;

    /** Whether the money of this row reached its destination. */
    public boolean moved() {
        return this == SUCCEEDED || this == REFUNDED;
    }
}
