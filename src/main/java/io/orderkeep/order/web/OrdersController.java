package io.orderkeep.order.web;

import io.orderkeep.order.core.OrderViews;
import io.orderkeep.order.intake.OrderIntake;
import io.orderkeep.order.jdbc.Hops;
import io.orderkeep.order.jdbc.OrderHistory;
import io.orderkeep.order.jdbc.Orders;
import io.orderkeep.order.jdbc.StoredOrder;
import io.orderkeep.platform.ApiException;
import io.orderkeep.platform.Caller;
import io.orderkeep.platform.Page;
import io.orderkeep.platform.Role;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Orders: create (idempotent), read, list and history (API.md, "Orders"). */
@RestController
@RequestMapping("/api/v1/orders")
class OrdersController {

    private final OrderIntake intake;
    private final Orders orders;
    private final Hops hops;
    private final OrderHistory history;
    private final OrderViews views;
    private final Clock clock;

    OrdersController(OrderIntake intake, Orders orders, Hops hops, OrderHistory history, OrderViews views, Clock clock) {
        this.intake = intake;
        this.orders = orders;
        this.hops = hops;
        this.history = history;
        this.views = views;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<String> create(Caller caller, @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestBody JsonNode body) {
        caller.require(Role.ADMIN, Role.OPERATOR, Role.MERCHANT);
        var response = intake.create(caller, key, body);
        var entity = ResponseEntity.status(response.status())
                .location(URI.create("/api/v1/orders/" + response.orderId()))
                .contentType(MediaType.APPLICATION_JSON);
        if (response.replayed()) {
            entity.header("Idempotent-Replayed", "true");
        }
        return entity.body(response.body());
    }

    @GetMapping("/{id}")
    Map<String, Object> get(Caller caller, @PathVariable String id) {
        StoredOrder order = visible(caller, id);
        return views.render(order, hops.of(id), !caller.seesContactData());
    }

    @GetMapping("/{id}/history")
    Page<Map<String, Object>> history(Caller caller, @PathVariable String id) {
        visible(caller, id);
        return new Page<>(history.of(id).stream().map(OrdersController::entry).toList(), null);
    }

    @GetMapping
    Page<Map<String, Object>> list(Caller caller, @RequestParam(required = false) String status,
            @RequestParam(required = false) String merchantId, @RequestParam(required = false) Boolean unreturned,
            @RequestParam(required = false) Boolean needsAttention, @RequestParam(required = false) String createdFrom,
            @RequestParam(required = false) String createdTo, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        int size = Page.limit(limit);
        var filter = OrderFilter.of(caller, status, merchantId, unreturned, needsAttention, createdFrom, createdTo,
                cursor, clock.instant());
        if (filter.matchesNothing()) {
            return new Page<>(List.of(), null);
        }
        Page<StoredOrder> page = Page.of(orders.list(filter.where(), filter.params(), size + 1), size,
                o -> o.createdAt().toEpochMilli() + "|" + o.id());
        var orderHops = hops.of(page.data().stream().map(StoredOrder::id).toList());
        return page.map(o -> views.render(o, orderHops.getOrDefault(o.id(), List.of()), !caller.seesContactData()));
    }

    private StoredOrder visible(Caller caller, String id) {
        return orders.find(id)
                .filter(o -> caller.canSee(o.merchantId()))
                .orElseThrow(() -> ApiException.notFound("Order", id));
    }

    private static Map<String, Object> entry(OrderHistory.Entry e) {
        var view = new LinkedHashMap<String, Object>();
        view.put("seq", e.seq());
        view.put("at", e.at().toString());
        view.put("type", e.type());
        view.put("fromStatus", e.from() == null ? null : e.from().name());
        view.put("toStatus", e.to().name());
        view.put("actor", e.actor());
        view.put("source", e.source());
        view.put("reason", e.reason());
        view.put("detail", e.detail());
        return view;
    }
}
