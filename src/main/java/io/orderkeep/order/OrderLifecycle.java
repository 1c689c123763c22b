package io.orderkeep.order;

import io.orderkeep.order.domain.OrderCommand;
import java.util.Optional;

/**
 * How other modules (payments, reconciliation, operators' tools) move orders. Every method joins the caller's
 * transaction or starts one; every change appends to the order's history, records an audit entry and publishes an
 * {@link OrderEvent} in that same transaction.
 */
public interface OrderLifecycle {

    Optional<OrderSnapshot> find(String orderId);

    /**
     * Applies a command through the state machine. Takes the order's row lock first, so concurrent commands on one
     * order are applied one after the other. An unknown order is {@code not_found}.
     */
    TransitionOutcome apply(String orderId, OrderCommand command, Change change);

    /**
     * Records that a payment attempt failed: history, audit and {@code order.payment_failed}, the status unchanged
     * (the order still waits for its money and may get a new attempt). Does nothing, and answers false, when the
     * order is no longer {@code PENDING_PAYMENT}. The caller records each failed attempt once.
     */
    boolean recordPaymentFailed(String orderId, Change change);

    /**
     * Flags the order as needing a person, with the reason (and e.g. a suggested refund in the change's detail),
     * and publishes {@code order.needs_attention}. Flagging a flagged order records the new reason again.
     */
    OrderSnapshot flagNeedsAttention(String orderId, Change change);

    /**
     * Records that something went wrong with the order and was put right (e.g. reconciliation found its money and
     * marked it paid): history, audit and {@code order.repaired}, so the merchant and the customer hear of it. The
     * status and the needs-attention flag are left as they are.
     */
    OrderSnapshot recordRepaired(String orderId, Change change);

    /** Clears the flag after a person resolved it; the reason is required. */
    OrderSnapshot clearNeedsAttention(String orderId, Change change);
}
