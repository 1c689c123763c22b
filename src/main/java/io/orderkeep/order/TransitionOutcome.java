package io.orderkeep.order;

/** What became of a command: applied, already in effect (a duplicate changes nothing), or refused. */
public sealed interface TransitionOutcome {

    OrderSnapshot order();

    /** The order moved; its history, audit entry and event were written in the same transaction. */
    record Applied(OrderSnapshot order) implements TransitionOutcome {}

    /** The order already is where the command would take it (e.g. a second "paid"); nothing was written. */
    record AlreadyThere(OrderSnapshot order) implements TransitionOutcome {}

    /** The state machine refused (e.g. "paid" for an expired order); nothing was written. */
    record Refused(OrderSnapshot order, String reason) implements TransitionOutcome {}
}
