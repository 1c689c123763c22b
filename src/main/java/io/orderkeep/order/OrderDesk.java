package io.orderkeep.order;

import io.orderkeep.order.domain.HopState;
import io.orderkeep.order.domain.OrderCommand;
import io.orderkeep.order.domain.OrderStatus;
import io.orderkeep.order.jdbc.Hops;
import io.orderkeep.order.jdbc.Orders;
import io.orderkeep.order.jdbc.StoredOrder;
import io.orderkeep.platform.ApiException;
import io.orderkeep.platform.Caller;
import io.orderkeep.platform.Role;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's moves of an order, by the rules of API.md: cancel (only while unpaid, after every
 * {@link CancellationGuard} agreed), fulfil, complete, and resolve an unreturned order by hand. The API's order
 * actions and the console both act through here; each answers the order as the caller may see it, and a move the
 * state machine refuses is 409 {@code illegal_transition} naming the current status.
 */
@Service
public class OrderDesk {

    private final OrderLifecycle lifecycle;
    private final List<CancellationGuard> guards;
    private final OrderQueries queries;
    private final Orders orders;
    private final Hops hops;

    OrderDesk(OrderLifecycle lifecycle, List<CancellationGuard> guards, OrderQueries queries, Orders orders,
            Hops hops) {
        this.lifecycle = lifecycle;
        this.guards = guards;
        this.queries = queries;
        this.orders = orders;
        this.hops = hops;
    }

    public Map<String, Object> cancel(Caller caller, String id, String reason, String source) {
        StoredOrder order = actionable(caller, id);
        Change change = Change.of(caller.actor(), source, reason);
        if (order.status() == OrderStatus.PENDING_PAYMENT) {
            // Only an unpaid order can be cancelled; for the others the state machine answers without asking anyone.
            guards.forEach(guard -> guard.beforeCancel(order.snapshot(), change));
        }
        return outcome(caller, lifecycle.apply(id, new OrderCommand.Cancel(), change));
    }

    public Map<String, Object> fulfil(Caller caller, String id, String reason, String source) {
        actionable(caller, id);
        return outcome(caller, lifecycle.apply(id, new OrderCommand.Fulfil(), Change.of(caller.actor(), source, reason)));
    }

    public Map<String, Object> complete(Caller caller, String id, String reason, String source) {
        actionable(caller, id);
        return outcome(caller, lifecycle.apply(id, new OrderCommand.Complete(),
                Change.of(caller.actor(), source, reason)));
    }

    /**
     * Marks an unreturned order resolved by a person (admin or operator), with the reason: its overdue and failed
     * hops become {@code SKIPPED}, its needs-attention flag is cleared, and the order's history, the audit trail and
     * {@code order.repaired} say who did it and why. An order with nothing unreturned and no flag changes nothing.
     */
    @Transactional
    public Map<String, Object> resolve(Caller caller, String id, String reason, String source) {
        caller.require(Role.ADMIN, Role.OPERATOR);
        if (reason == null || reason.isBlank()) {
            throw ApiException.validation("reason", "is required to mark an order resolved");
        }
        // The order's row first, the audit head last (clearNeedsAttention records it): one lock order everywhere.
        StoredOrder order = orders.lock(id).filter(o -> caller.canSee(o.merchantId()))
                .orElseThrow(() -> ApiException.notFound("Order", id));
        Instant now = queries.now();
        List<String> skipped = hops.of(id).stream()
                .filter(hop -> hop.state() == HopState.OVERDUE || hop.state() == HopState.FAILED
                        || hop.state() == HopState.PENDING && hop.dueAt().isBefore(now))
                .map(hop -> {
                    hops.skipped(id, hop.name(), now);
                    return hop.name().wireName();
                })
                .toList();
        if (!skipped.isEmpty() || order.needsAttention()) {
            lifecycle.clearNeedsAttention(id, new Change(caller.actor(), source, reason.strip(),
                    Map.of("resolvedHops", skipped)));
        }
        return queries.view(caller, id);
    }

    private StoredOrder actionable(Caller caller, String id) {
        caller.require(Role.ADMIN, Role.OPERATOR, Role.MERCHANT);
        return queries.visible(caller, id);
    }

    private Map<String, Object> outcome(Caller caller, TransitionOutcome outcome) {
        if (outcome instanceof TransitionOutcome.Refused(var order, var reason)) {
            throw new ApiException(409, "illegal_transition", "Illegal transition",
                    "The order is " + order.status() + ": " + reason + ".", List.of(), Map.of(),
                    Map.of("currentStatus", order.status().name()));
        }
        return queries.view(caller, outcome.order().id());
    }
}
