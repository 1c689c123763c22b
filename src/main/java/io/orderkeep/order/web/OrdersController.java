package io.orderkeep.order.web;

import io.orderkeep.order.OrderQueries;
import io.orderkeep.order.intake.OrderIntake;
import io.orderkeep.platform.ApiException;
import io.orderkeep.platform.Caller;
import io.orderkeep.platform.Page;
import io.orderkeep.platform.Role;
import java.net.URI;
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
    private final OrderQueries queries;

    OrdersController(OrderIntake intake, OrderQueries queries) {
        this.intake = intake;
        this.queries = queries;
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
        return queries.view(caller, id);
    }

    @GetMapping("/{id}/history")
    Page<Map<String, Object>> history(Caller caller, @PathVariable String id) {
        return new Page<>(queries.history(caller, id), null);
    }

    @GetMapping
    Page<Map<String, Object>> list(Caller caller, @RequestParam(required = false) String status,
            @RequestParam(required = false) String merchantId, @RequestParam(required = false) Boolean unreturned,
            @RequestParam(required = false) Boolean needsAttention, @RequestParam(required = false) String createdFrom,
            @RequestParam(required = false) String createdTo, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return queries.list(caller, status, merchantId, unreturned, needsAttention, createdFrom, createdTo, limit,
                cursor);
    }
}
