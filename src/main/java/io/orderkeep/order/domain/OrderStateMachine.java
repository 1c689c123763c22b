package io.orderkeep.order.domain;

import static io.orderkeep.order.domain.OrderStatus.CANCELLED;
import static io.orderkeep.order.domain.OrderStatus.COMPLETED;
import static io.orderkeep.order.domain.OrderStatus.EXPIRED;
import static io.orderkeep.order.domain.OrderStatus.FULFILLED;
import static io.orderkeep.order.domain.OrderStatus.PAID;
import static io.orderkeep.order.domain.OrderStatus.PARTIALLY_REFUNDED;
import static io.orderkeep.order.domain.OrderStatus.PENDING_PAYMENT;
import static io.orderkeep.order.domain.OrderStatus.REFUNDED;

import io.orderkeep.order.domain.OrderCommand.Cancel;
import io.orderkeep.order.domain.OrderCommand.Complete;
import io.orderkeep.order.domain.OrderCommand.Expire;
import io.orderkeep.order.domain.OrderCommand.Fulfil;
import io.orderkeep.order.domain.OrderCommand.MarkPaid;
import io.orderkeep.order.domain.OrderCommand.Refund;
import java.util.EnumSet;
import java.util.Set;

/**
 * The order's legal moves (DESIGN.md): {@code PENDING_PAYMENT → PAID → FULFILLED → COMPLETED};
 * {@code PENDING_PAYMENT → CANCELLED | EXPIRED}; {@code PAID | FULFILLED | COMPLETED → PARTIALLY_REFUNDED →
 * REFUNDED}. A command that finds the order already past where it would take it is {@link Transition.AlreadyThere},
 * so late and repeated commands are harmless; anything else that does not fit is {@link Transition.Rejected}.
 */
public final class OrderStateMachine {

    /** Statuses in which the money has arrived (and may go back). */
    private static final Set<OrderStatus> PAID_OR_LATER = EnumSet.of(PAID, FULFILLED, COMPLETED, PARTIALLY_REFUNDED, REFUNDED);
    private static final Set<OrderStatus> REFUNDABLE = EnumSet.of(PAID, FULFILLED, COMPLETED, PARTIALLY_REFUNDED);

    private OrderStateMachine() {}

    public static Transition apply(OrderState state, OrderCommand command) {
        OrderStatus status = state.status();
        return switch (command) {
            case MarkPaid() -> status == PENDING_PAYMENT ? move(state, PAID, EventType.PAID)
                    : PAID_OR_LATER.contains(status) ? new Transition.AlreadyThere(state)
                    : reject(state, "cannot mark paid");
            case Cancel() -> status == PENDING_PAYMENT ? move(state, CANCELLED, EventType.CANCELLED)
                    : status == CANCELLED ? new Transition.AlreadyThere(state)
                    : reject(state, "cannot cancel");
            case Expire() -> status == PENDING_PAYMENT ? move(state, EXPIRED, EventType.EXPIRED)
                    : status == EXPIRED ? new Transition.AlreadyThere(state)
                    : reject(state, "cannot expire");
            case Fulfil() -> status == PAID ? move(state, FULFILLED, EventType.FULFILLED)
                    : status == FULFILLED || status == COMPLETED ? new Transition.AlreadyThere(state)
                    : reject(state, "cannot fulfil");
            case Complete() -> status == FULFILLED ? move(state, COMPLETED, EventType.COMPLETED)
                    : status == COMPLETED ? new Transition.AlreadyThere(state)
                    : reject(state, "cannot complete");
            case Refund(long amount) -> refund(state, amount);
        };
    }

    private static Transition refund(OrderState state, long amount) {
        if (!REFUNDABLE.contains(state.status())) {
            return reject(state, "cannot refund");
        }
        if (amount <= 0) {
            return new Transition.Rejected(state, "a refund must be a positive amount, got " + amount);
        }
        long left = state.totalAmount() - state.refundedAmount();
        if (amount > left) {
            return new Transition.Rejected(state, "cannot refund " + amount + ": only " + left + " is left to refund");
        }
        long refunded = state.refundedAmount() + amount;
        OrderStatus next = refunded == state.totalAmount() ? REFUNDED : PARTIALLY_REFUNDED;
        return new Transition.Moved(state, new OrderState(next, state.totalAmount(), refunded), EventType.REFUNDED);
    }

    private static Transition move(OrderState state, OrderStatus next, EventType event) {
        return new Transition.Moved(state, new OrderState(next, state.totalAmount(), state.refundedAmount()), event);
    }

    private static Transition reject(OrderState state, String what) {
        return new Transition.Rejected(state, what + " an order that is " + state.status());
    }
}
