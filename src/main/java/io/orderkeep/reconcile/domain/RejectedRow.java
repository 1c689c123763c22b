package io.orderkeep.reconcile.domain;

/** A data row that could not be read, with the line it starts on and why (naming the column when one is at fault). */
public record RejectedRow(long line, String reason) implements ReadOutcome {}
