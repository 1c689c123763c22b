package io.orderkeep.reconcile.domain;

/** How a settlement row, or a local payment absent from the file, ended (API.md's reconciliation counts). */
public enum MatchKind {
    MATCHED,
    /** The provider has money Orderkeep does not hold: no local record, or a local payment not succeeded. */
    MISSING_LOCAL,
    /** Orderkeep holds a payment or refund as succeeded within the file's window; the file does not list it. */
    MISSING_AT_PROVIDER,
    /** Amount or currency differ. */
    AMOUNT_MISMATCH,
    /** Both sides know the money movement and disagree on whether it happened. */
    STATUS_MISMATCH,
    /** A second successful payment for one order, or the same transaction listed twice. */
    DUPLICATE_PAYMENT,
    /** The reader rejected the row. */
    INVALID_ROW;

    public boolean isDiscrepancy() {
        return this != MATCHED;
    }
}
