package io.orderkeep.delivery.live;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One change from the feed, and what each audience is told of it. The feed keeps the order as its merchant sees it
 * (contact data included); neither message copies any of that: staff get the change's identity and the order's
 * status, a customer the status, the payment's status and the hops' states of their own order.
 *
 * @param order the order as the event recorded it (the feed payload's {@code data})
 */
record LiveChange(long position, String id, String type, String orderId, String merchantId, Instant at,
        JsonNode order) {

    Map<String, Object> staffMessage() {
        var message = new LinkedHashMap<String, Object>();
        message.put("id", id);
        message.put("type", type);
        message.put("orderId", orderId);
        message.put("merchantId", merchantId);
        message.put("status", text(order.path("status")));
        message.put("timestamp", at.toString());
        return message;
    }

    Map<String, Object> customerMessage() {
        var message = new LinkedHashMap<String, Object>();
        message.put("id", id);
        message.put("type", type);
        message.put("orderId", orderId);
        message.put("status", text(order.path("status")));
        message.put("paymentStatus", text(order.path("payment").path("status")));
        message.put("hops", hops());
        message.put("timestamp", at.toString());
        return message;
    }

    private List<Map<String, Object>> hops() {
        return order.path("hops").valueStream()
                .map(hop -> {
                    var view = new LinkedHashMap<String, Object>();
                    view.put("hop", text(hop.path("hop")));
                    view.put("state", text(hop.path("state")));
                    return (Map<String, Object>) view;
                })
                .toList();
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.asString() : null;
    }
}
