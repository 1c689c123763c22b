package io.orderkeep.order.web;

import io.orderkeep.order.CancellationGuard;
import io.orderkeep.order.Change;
import io.orderkeep.order.OrderLifecycle;
import io.orderkeep.order.TransitionOutcome;
import io.orderkeep.order.core.OrderViews;
import io.orderkeep.order.domain.OrderCommand;
import io.orderkeep.order.domain.OrderStatus;
import io.orderkeep.order.jdbc.Hops;
import io.orderkeep.order.jdbc.Orders;
import io.orderkeep.order.jdbc.StoredOrder;
import io.orderkeep.platform.ApiException;
import io.orderkeep.platform.Caller;
import io.orderkeep.platform.Role;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * A merchant's or operator's moves of an order: cancel (only while unpaid, after every {@link CancellationGuard}
 * agreed), fulfil, complete. Repeating a move that is already in effect answers the order again; a move the state
 * machine refuses is 409 {@code illegal_transition} with the order's {@code currentStatus}.
 */
@RestController
@RequestMapping("/api/v1/orders/{id}")
class OrderActionsController {

    private final OrderLifecycle lifecycle;
    private final List<CancellationGuard> guards;
    private final Orders orders;
    private final Hops hops;
    private final OrderViews views;

    OrderActionsController(OrderLifecycle lifecycle, List<CancellationGuard> guards, Orders orders, Hops hops,
            OrderViews views) {
        this.lifecycle = lifecycle;
        this.guards = guards;
        this.orders = orders;
        this.hops = hops;
        this.views = views;
    }

    @PostMapping("/cancel")
    Map<String, Object> cancel(Caller caller, @PathVariable String id, @RequestBody(required = false) JsonNode body) {
        StoredOrder order = actionable(caller, id);
        Change change = Change.of(caller.actor(), "api", reason(body));
        if (order.status() == OrderStatus.PENDING_PAYMENT) {
            // Only an unpaid order can be cancelled; for the others the state machine answers without asking anyone.
            guards.forEach(guard -> guard.beforeCancel(order.snapshot(), change));
        }
        return outcome(caller, lifecycle.apply(id, new OrderCommand.Cancel(), change));
    }

    @PostMapping("/fulfil")
    Map<String, Object> fulfil(Caller caller, @PathVariable String id, @RequestBody(required = false) JsonNode body) {
        actionable(caller, id);
        return outcome(caller, lifecycle.apply(id, new OrderCommand.Fulfil(), Change.of(caller.actor(), "api", reason(body))));
    }

    @PostMapping("/complete")
    Map<String, Object> complete(Caller caller, @PathVariable String id, @RequestBody(required = false) JsonNode body) {
        actionable(caller, id);
        return outcome(caller, lifecycle.apply(id, new OrderCommand.Complete(), Change.of(caller.actor(), "api", reason(body))));
    }

    private StoredOrder actionable(Caller caller, String id) {
        caller.require(Role.ADMIN, Role.OPERATOR, Role.MERCHANT);
        return orders.find(id)
                .filter(o -> caller.canSee(o.merchantId()))
                .orElseThrow(() -> ApiException.notFound("Order", id));
    }

    private Map<String, Object> outcome(Caller caller, TransitionOutcome outcome) {
        if (outcome instanceof TransitionOutcome.Refused(var order, var reason)) {
            throw new ApiException(409, "illegal_transition", "Illegal transition",
                    "The order is " + order.status() + ": " + reason + ".", List.of(), Map.of(),
                    Map.of("currentStatus", order.status().name()));
        }
        String id = outcome.order().id();
        StoredOrder order = orders.find(id).orElseThrow();
        return views.render(order, hops.of(id), !caller.seesContactData());
    }

    private static String reason(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            return null;
        }
        if (!body.isObject()) {
            throw ApiException.malformed("The request body must be a JSON object.");
        }
        JsonNode reason = body.get("reason");
        if (reason == null || reason.isNull()) {
            return null;
        }
        if (!reason.isString() || reason.stringValue().length() > 500) {
            throw ApiException.validation("reason", "must be a string of at most 500 characters");
        }
        return reason.stringValue().strip();
    }
}
