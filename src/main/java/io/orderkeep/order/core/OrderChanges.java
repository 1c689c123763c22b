package io.orderkeep.order.core;

import io.orderkeep.audit.AuditTrail;
import io.orderkeep.order.Change;
import io.orderkeep.order.OrderLifecycle;
import io.orderkeep.order.OrderSnapshot;
import io.orderkeep.order.TransitionOutcome;
import io.orderkeep.order.domain.EventType;
import io.orderkeep.order.domain.OrderCommand;
import io.orderkeep.order.domain.OrderStateMachine;
import io.orderkeep.order.domain.OrderStatus;
import io.orderkeep.order.domain.Transition;
import io.orderkeep.order.jdbc.OrderHistory;
import io.orderkeep.order.jdbc.Orders;
import io.orderkeep.order.jdbc.StoredOrder;
import io.orderkeep.platform.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves orders through the state machine: under the order's row lock, each change updates the row (version + 1),
 * appends to the history, records an audit entry and publishes its event, all in one transaction.
 */
@Service
class OrderChanges implements OrderLifecycle {

    private final Orders orders;
    private final OrderHistory history;
    private final OrderEvents events;
    private final AuditTrail audit;
    private final Clock clock;

    OrderChanges(Orders orders, OrderHistory history, OrderEvents events, AuditTrail audit, Clock clock) {
        this.orders = orders;
        this.history = history;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<OrderSnapshot> find(String orderId) {
        return orders.find(orderId).map(StoredOrder::snapshot);
    }

    @Override
    @Transactional
    public TransitionOutcome apply(String orderId, OrderCommand command, Change change) {
        StoredOrder order = locked(orderId);
        return switch (OrderStateMachine.apply(order.state(), command)) {
            case Transition.Moved(var from, var to, var event) -> {
                Instant now = clock.instant();
                StoredOrder moved = order.moved(to, now);
                orders.update(moved);
                record(moved, event, from.status(), change, now, commandDetail(command));
                yield new TransitionOutcome.Applied(moved.snapshot());
            }
            case Transition.AlreadyThere(var state) -> new TransitionOutcome.AlreadyThere(order.snapshot());
            case Transition.Rejected(var state, var reason) -> new TransitionOutcome.Refused(order.snapshot(), reason);
        };
    }

    @Override
    @Transactional
    public boolean recordPaymentFailed(String orderId, Change change) {
        StoredOrder order = locked(orderId);
        if (order.status() != OrderStatus.PENDING_PAYMENT) {
            return false;
        }
        record(order, EventType.PAYMENT_FAILED, order.status(), change, clock.instant(), Map.of());
        return true;
    }

    @Override
    @Transactional
    public OrderSnapshot flagNeedsAttention(String orderId, Change change) {
        StoredOrder order = locked(orderId);
        Instant now = clock.instant();
        StoredOrder flagged = order.flagged(true, change.reason(), now);
        orders.update(flagged);
        record(flagged, EventType.NEEDS_ATTENTION, order.status(), change, now, Map.of());
        return flagged.snapshot();
    }

    @Override
    @Transactional
    public OrderSnapshot recordRepaired(String orderId, Change change) {
        StoredOrder order = locked(orderId);
        record(order, EventType.REPAIRED, order.status(), change, clock.instant(), Map.of());
        return order.snapshot();
    }

    @Override
    @Transactional
    public OrderSnapshot clearNeedsAttention(String orderId, Change change) {
        if (change.reason() == null || change.reason().isBlank()) {
            throw ApiException.validation("reason", "is required to clear needs-attention");
        }
        StoredOrder order = locked(orderId);
        Instant now = clock.instant();
        StoredOrder cleared = order.flagged(false, null, now);
        orders.update(cleared);
        record(cleared, EventType.REPAIRED, order.status(), change, now, Map.of());
        return cleared.snapshot();
    }

    private StoredOrder locked(String orderId) {
        return orders.lock(orderId).orElseThrow(() -> ApiException.notFound("Order", orderId));
    }

    private void record(StoredOrder order, EventType event, OrderStatus from, Change change, Instant now,
            Map<String, Object> commandDetail) {
        var detail = new LinkedHashMap<String, Object>(change.detail());
        detail.putAll(commandDetail);
        history.append(order.id(), new OrderHistory.Entry(0, now, event.wireName(), from, order.status(), change.actor(),
                change.source(), change.reason(), detail));
        events.publish(order, event, now);
        var auditDetail = new LinkedHashMap<String, Object>(detail);
        auditDetail.put("from", from.name());
        auditDetail.put("to", order.status().name());
        auditDetail.put("source", change.source());
        if (change.reason() != null) {
            auditDetail.put("reason", change.reason());
        }
        // Last, because the audit head stays locked until commit and every writer queues on it.
        audit.record(change.actor(), event.wireName(), "order", order.id(), auditDetail);
    }

    private static Map<String, Object> commandDetail(OrderCommand command) {
        return command instanceof OrderCommand.Refund(long amount) ? Map.of("refundAmount", amount) : Map.of();
    }
}
