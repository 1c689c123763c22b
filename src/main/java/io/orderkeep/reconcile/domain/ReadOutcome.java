package io.orderkeep.reconcile.domain;

/** What reading one data row of a settlement file gives: a row, or its rejection. */
public sealed interface ReadOutcome permits SettlementRow, RejectedRow {

    /** The physical line (1-based) on which the row starts in the file. */
    long line();
}
