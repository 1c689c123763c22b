package io.orderkeep.delivery.web;

import io.orderkeep.delivery.live.LiveStream;
import io.orderkeep.order.OrderLifecycle;
import io.orderkeep.order.TrackingLinks;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /track/{orderId}/events?t=<token>}: one order's live changes for its customer's tracking page, opened
 * with the tracking link's token instead of an API key. A wrong or missing token and an unknown order are the same
 * bare 404, and the token is checked before the order is looked up, so the answer tells nobody whether an order id
 * exists.
 */
@RestController
class TrackingStreamController {

    private final LiveStream stream;
    private final TrackingLinks links;
    private final OrderLifecycle orders;

    TrackingStreamController(LiveStream stream, TrackingLinks links, OrderLifecycle orders) {
        this.stream = stream;
        this.links = links;
        this.orders = orders;
    }

    @GetMapping("/track/{orderId}/events")
    ResponseEntity<SseEmitter> stream(@PathVariable String orderId, @RequestParam(name = "t", required = false) String token,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        if (!links.verify(orderId, token) || orders.find(orderId).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok()
                .header("Cache-Control", "no-store")
                .body(stream.subscribeToOrder(orderId, lastEventId));
    }
}
