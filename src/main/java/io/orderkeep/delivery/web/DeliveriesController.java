package io.orderkeep.delivery.web;

import io.orderkeep.delivery.webhook.DeliveryLog;
import io.orderkeep.platform.ApiException;
import io.orderkeep.platform.Caller;
import io.orderkeep.platform.Page;
import io.orderkeep.platform.Role;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/deliveries}: every delivery with every attempt, and the replay of one. */
@RestController
@RequestMapping("/api/v1/deliveries")
class DeliveriesController {

    private final DeliveryLog deliveries;

    DeliveriesController(DeliveryLog deliveries) {
        this.deliveries = deliveries;
    }

    @GetMapping
    Page<Map<String, Object>> list(Caller caller, @RequestParam(required = false) String merchantId,
            @RequestParam(required = false) String endpointId, @RequestParam(required = false) String status,
            @RequestParam(required = false) String orderId, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        if (status != null && !DeliveryLog.STATUSES.contains(status)) {
            throw ApiException.validation("status", "must be one of PENDING, RETRYING, DELIVERED, DEAD");
        }
        var filter = new DeliveryLog.Filter(Scopes.filterOf(caller, merchantId), endpointId, status, orderId);
        return deliveries.list(filter, cursor, Page.limit(limit));
    }

    @GetMapping("/{id}")
    Map<String, Object> get(Caller caller, @PathVariable String id) {
        return visible(caller, id);
    }

    @PostMapping("/{id}/replay")
    ResponseEntity<Map<String, Object>> replay(Caller caller, @PathVariable String id) {
        caller.require(Role.ADMIN, Role.OPERATOR, Role.MERCHANT);
        visible(caller, id);
        deliveries.replay(id, caller.actor());
        return ResponseEntity.accepted().body(visible(caller, id));
    }

    private Map<String, Object> visible(Caller caller, String id) {
        return deliveries.find(id)
                .filter(delivery -> caller.canSee((String) delivery.get("merchantId")))
                .orElseThrow(() -> ApiException.notFound("Delivery", id));
    }
}
