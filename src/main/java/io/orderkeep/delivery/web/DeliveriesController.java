package io.orderkeep.delivery.web;

import io.orderkeep.delivery.Deliveries;
import io.orderkeep.platform.Caller;
import io.orderkeep.platform.Page;
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

    private final Deliveries deliveries;

    DeliveriesController(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @GetMapping
    Page<Map<String, Object>> list(Caller caller, @RequestParam(required = false) String merchantId,
            @RequestParam(required = false) String endpointId, @RequestParam(required = false) String status,
            @RequestParam(required = false) String orderId, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        return deliveries.list(caller, merchantId, endpointId, status, orderId, cursor, limit);
    }

    @GetMapping("/{id}")
    Map<String, Object> get(Caller caller, @PathVariable String id) {
        return deliveries.get(caller, id);
    }

    @PostMapping("/{id}/replay")
    ResponseEntity<Map<String, Object>> replay(Caller caller, @PathVariable String id) {
        return ResponseEntity.accepted().body(deliveries.replay(caller, id));
    }
}
