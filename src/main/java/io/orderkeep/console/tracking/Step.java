package io.orderkeep.console.tracking;

import io.orderkeep.order.domain.OrderStatus;
import io.orderkeep.payment.domain.AttemptStatus;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One of the three steps the customer sees: order received → payment confirmed → shop notified, each from its hop
 * (DESIGN.md) read in the customer's terms. A hop that came back does not always mean good news for the customer
 * (a payment hop returns with a failure too), so the payment step follows the order's status.
 *
 * @param name {@code received}, {@code payment}, {@code shop}: the message key {@code tracking.step.<name>}
 * @param state the message key {@code tracking.step-state.<state>} and the CSS class
 */
record Step(String name, State state) {

    enum State {
        DONE, IN_PROGRESS, WAITING, DELAYED, FAILED, STOPPED, NOT_TRACKED;

        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** A hop as the order's view carries it: {@code hop}, {@code state}, {@code dueAt}. */
    record HopView(String hop, String state, Instant dueAt) {

        /** Failed, found overdue, or still pending past its due time. */
        boolean late(Instant now) {
            return switch (state) {
                case "FAILED", "OVERDUE" -> true;
                case "PENDING" -> dueAt != null && dueAt.isBefore(now);
                default -> false;
            };
        }
    }

    static List<Step> of(OrderStatus status, AttemptStatus payment, Map<String, HopView> hops, Instant now) {
        Step paid = payment(status, payment, hops.get("payment"), now);
        return List.of(new Step("received", State.DONE), paid, shop(paid.state(), hops.get("merchant"), now));
    }

    private static Step payment(OrderStatus status, AttemptStatus payment, HopView hop, Instant now) {
        State state = switch (status) {
            case PAID, FULFILLED, COMPLETED, PARTIALLY_REFUNDED, REFUNDED -> State.DONE;
            case CANCELLED, EXPIRED -> State.STOPPED;
            case PENDING_PAYMENT -> payment == AttemptStatus.FAILED || payment == AttemptStatus.CANCELLED
                    ? State.FAILED
                    : hop != null && hop.late(now) ? State.DELAYED : State.IN_PROGRESS;
        };
        return new Step("payment", state);
    }

    /** The shop hop follows the order's latest event; it counts for the customer once the payment is in. */
    private static Step shop(State payment, HopView hop, Instant now) {
        if (payment == State.STOPPED) {
            return new Step("shop", State.STOPPED);
        }
        if (payment != State.DONE || hop == null) {
            return new Step("shop", State.WAITING);
        }
        State state = switch (hop.state()) {
            case "RETURNED" -> State.DONE;
            case "SKIPPED" -> State.NOT_TRACKED;
            default -> hop.late(now) ? State.DELAYED : State.IN_PROGRESS;
        };
        return new Step("shop", state);
    }
}
