package io.orderkeep.order.domain;

/**
 * What can be asked of an order. Whether it is legal depends only on the current status (and, for refunds, on
 * what was paid and already refunded); the state machine decides.
 */
public sealed interface OrderCommand {

    /** The provider's result says the money arrived. */
    record MarkPaid() implements OrderCommand {}

    /** The customer or merchant gave up before paying. */
    record Cancel() implements OrderCommand {}

    /** Nobody paid within the window (and the provider confirmed it). */
    record Expire() implements OrderCommand {}

    /** The merchant shipped or otherwise delivered. */
    record Fulfil() implements OrderCommand {}

    /** The merchant considers the order done. */
    record Complete() implements OrderCommand {}

    /** Money went back to the customer: {@code amount} minor units more than before. */
    record Refund(long amount) implements OrderCommand {}
}
