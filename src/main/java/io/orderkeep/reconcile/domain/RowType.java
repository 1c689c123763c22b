package io.orderkeep.reconcile.domain;

/** What a settlement row records: money collected for a payment, or money given back. */
public enum RowType {
    PAYMENT,
    REFUND
}
