package io.orderkeep.cli.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * Reads what Orderkeep recorded, through its API with the admin key: the orders with their hops, each order's
 * history (how its payment result arrived) and every webhook delivery with its attempts. Every figure the demo
 * shows comes from here, never from the traffic generator's own counting.
 */
final class OrderRecords {

    /**
     * History entries that settle the payment hop; their {@code source} says how the result arrived
     * ({@code notification}, {@code query}, {@code reconciliation}), or {@code expiry} for an order nobody paid.
     */
    private static final Set<String> PAYMENT_RESULTS =
            Set.of("order.paid", "order.payment_failed", "order.expired", "order.cancelled");

    record Hop(String state, Instant returnedAt) {
        boolean settled() {
            return state.equals("RETURNED") || state.equals("SKIPPED");
        }
    }

    record Order(String id, String status, String paymentStatus, Instant createdAt, Map<String, Hop> hops,
            boolean unreturned, boolean needsAttention) {

        Hop hop(String name) {
            return hops.get(name);
        }

        boolean hopSettled(String name) {
            return hops.containsKey(name) && hops.get(name).settled();
        }

        boolean paid() {
            return Set.of("PAID", "FULFILLED", "COMPLETED", "PARTIALLY_REFUNDED", "REFUNDED").contains(status);
        }
    }

    /** One webhook delivery; {@code deliveredAt} is when the merchant's 2xx came back, null if it has not. */
    record Delivery(String orderId, String status, int attempts, Instant createdAt, Instant deliveredAt) {}

    /** Everything read at one moment; {@code paymentHow} maps an order to the source of its payment result. */
    record Snapshot(List<Order> orders, Map<String, String> paymentHow, List<Delivery> deliveries) {}

    private final DemoHttp orderkeep;
    private final Map<String, String> settledHow = new ConcurrentHashMap<>();

    OrderRecords(DemoHttp orderkeep) {
        this.orderkeep = orderkeep;
    }

    /**
     * @param fresh read every order's history again (the final summary); otherwise an order whose payment hop came
     *     back is read once, so a live refresh costs a few requests
     */
    Snapshot read(boolean fresh) {
        if (fresh) {
            settledHow.clear();
        }
        List<Order> orders = orderkeep.all("/api/v1/orders?merchantId=" + DemoSetup.MERCHANT).stream()
                .map(OrderRecords::order).toList();
        var how = new HashMap<String, String>();
        for (Order order : orders) {
            if (!order.hopSettled("payment")) {
                continue;
            }
            String source = settledHow.computeIfAbsent(order.id(), this::paymentSource);
            if (source != null) {
                how.put(order.id(), source);
            }
        }
        List<Delivery> deliveries = orderkeep.all("/api/v1/deliveries").stream().map(OrderRecords::delivery).toList();
        return new Snapshot(orders, how, deliveries);
    }

    private String paymentSource(String orderId) {
        JsonNode history = orderkeep.get("/api/v1/orders/" + orderId + "/history").expect("order history");
        for (JsonNode entry : history.path("data")) {
            String type = entry.path("type").asString();
            if (PAYMENT_RESULTS.contains(type)) {
                // An order that expired first: nobody paid, the watch closed the payment when the window ended.
                return type.equals("order.expired") ? "expiry" : entry.path("source").asString();
            }
        }
        // The hop came back without a history entry of its own (e.g. an abandoned attempt): nothing to attribute.
        return "other";
    }

    /** Why each order was flagged for a person: the reason of its latest {@code order.needs_attention} entry. */
    Map<String, String> attentionReasons(List<Order> flagged) {
        var reasons = new HashMap<String, String>();
        for (Order order : flagged) {
            JsonNode history = orderkeep.get("/api/v1/orders/" + order.id() + "/history").expect("order history");
            for (JsonNode entry : history.path("data")) {
                if (entry.path("type").asString().equals("order.needs_attention")) {
                    reasons.put(order.id(), entry.path("reason").asString());
                }
            }
        }
        return reasons;
    }

    private static Order order(JsonNode node) {
        var hops = new HashMap<String, Hop>();
        for (JsonNode hop : node.path("hops")) {
            hops.put(hop.path("hop").asString(), new Hop(hop.path("state").asString(), instant(hop.path("returnedAt"))));
        }
        JsonNode payment = node.path("payment");
        return new Order(node.path("id").asString(), node.path("status").asString(),
                payment.isObject() ? payment.path("status").asString() : null, instant(node.path("createdAt")),
                Map.copyOf(hops), node.path("unreturned").asBoolean(), node.path("needsAttention").asBoolean());
    }

    private static Delivery delivery(JsonNode node) {
        Instant delivered = null;
        for (JsonNode attempt : node.path("attempts")) {
            int code = attempt.path("statusCode").asInt(0);
            if (code / 100 == 2) {
                delivered = instant(attempt.path("at")).plusMillis(attempt.path("latencyMs").asLong());
            }
        }
        return new Delivery(node.path("orderId").asString(), node.path("status").asString(),
                node.path("attemptCount").asInt(), instant(node.path("createdAt")), delivered);
    }

    static Instant instant(JsonNode node) {
        return node.isString() ? Instant.parse(node.asString()) : null;
    }

    /** Deliveries per order. */
    static Map<String, List<Delivery>> byOrder(List<Delivery> deliveries) {
        var map = new HashMap<String, List<Delivery>>();
        deliveries.forEach(d -> map.computeIfAbsent(d.orderId(), id -> new ArrayList<>()).add(d));
        return map;
    }
}
