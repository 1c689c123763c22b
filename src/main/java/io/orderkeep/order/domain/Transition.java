package io.orderkeep.order.domain;

/** What the state machine made of a command. */
public sealed interface Transition {

    OrderState state();

    /** The order moves to {@code state}; {@code event} is what merchants are told. */
    record Moved(OrderState from, OrderState state, EventType event) implements Transition {}

    /** The order already is where the command would take it: a duplicate or late command, nothing to do. */
    record AlreadyThere(OrderState state) implements Transition {}

    /** The command is not legal in the order's status; {@code reason} names the status. */
    record Rejected(OrderState state, String reason) implements Transition {}
}
