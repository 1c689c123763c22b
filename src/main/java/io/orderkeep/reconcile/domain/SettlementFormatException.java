package io.orderkeep.reconcile.domain;

/**
 * The file as a whole cannot be read with its mapping (no header, a required column missing): unlike a bad row,
 * which is rejected and counted, this fails the run before any row is classified.
 */
public class SettlementFormatException extends RuntimeException {

    public SettlementFormatException(String message) {
        super(message);
    }
}
