package io.orderkeep.cli.demo;

import io.orderkeep.cli.demo.OrderRecords.Delivery;
import io.orderkeep.cli.demo.OrderRecords.Order;
import io.orderkeep.cli.demo.OrderRecords.Snapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The demo's figures, computed from one {@link Snapshot} of Orderkeep's records: plain arithmetic, no I/O. */
record Figures(Snapshot snapshot) {

    /** One way a hop came back: how many orders, and how long they took. */
    record Way(String how, List<Duration> times) {
        long orders() {
            return times.size();
        }

        Duration percentile(double p) {
            if (times.isEmpty()) {
                return null;
            }
            var sorted = times.stream().sorted().toList();
            return sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1));
        }
    }

    /** A hop: how many orders had to come back through it, how many did, and the ways they did. */
    record HopFigures(String hop, long expected, List<Way> ways) {
        long returned() {
            return ways.stream().mapToLong(Way::orders).sum();
        }

        Way all() {
            var times = new ArrayList<Duration>();
            ways.forEach(w -> times.addAll(w.times()));
            return new Way("all", times);
        }
    }

    List<Order> orders() {
        return snapshot.orders();
    }

    long placed() {
        return orders().size();
    }

    long paid() {
        return orders().stream().filter(Order::paid).count();
    }

    /** Orders whose latest payment attempt failed at the provider (the customer's card was declined). */
    long failed() {
        return orders().stream().filter(o -> "FAILED".equals(o.paymentStatus())).count();
    }

    long expired() {
        return status("EXPIRED");
    }

    /** Orders still waiting for their payment's result. */
    long waiting() {
        return orders().stream().filter(o -> o.status().equals("PENDING_PAYMENT") && !o.hopSettled("payment")).count();
    }

    long foundByQuery() {
        return snapshot.paymentHow().values().stream().filter("query"::equals).count();
    }

    /** Deliveries the merchant acknowledged only after a failed attempt. */
    long redelivered() {
        return snapshot.deliveries().stream().filter(d -> d.status().equals("DELIVERED") && d.attempts() > 1).count();
    }

    long deadLetters() {
        return snapshot.deliveries().stream().filter(d -> d.status().equals("DEAD")).count();
    }

    long deliveriesInFlight() {
        return snapshot.deliveries().stream()
                .filter(d -> d.status().equals("PENDING") || d.status().equals("RETRYING")).count();
    }

    /** Orders the API calls unreturned now: a hop failed, or past due without coming back. */
    long unreturnedNow() {
        return orders().stream().filter(Order::unreturned).count();
    }

    List<Order> needingAttention() {
        return orders().stream().filter(Order::needsAttention).toList();
    }

    /**
     * Whether an order came all the way back: its payment result is known, the merchant acknowledged its latest
     * event, a paid order was found in the settlement file, and no hop is overdue or failed.
     */
    static boolean cameBack(Order order) {
        return !order.unreturned() && order.hopSettled("payment") && order.hopSettled("merchant")
                && (!order.paid() || order.hopSettled("settlement"));
    }

    List<Order> notBack() {
        return orders().stream().filter(o -> !cameBack(o)).toList();
    }

    /**
     * Whether nothing is left that Orderkeep will still do by itself before reconciliation: every order is paid or
     * ended, its payment and merchant hops came back, and no delivery waits — or a person has been asked to look.
     */
    boolean settled() {
        return deliveriesInFlight() == 0 && orders().stream().allMatch(o -> o.needsAttention()
                || (!o.status().equals("PENDING_PAYMENT") && o.hopSettled("payment") && o.hopSettled("merchant")));
    }

    List<HopFigures> hops() {
        return List.of(payment(), merchant(), settlement());
    }

    /** Payment: how the result arrived (the history entry that settled it), timed from the order's creation. */
    HopFigures payment() {
        var ways = ways("notification", "query", "reconciliation", "expiry");
        for (Order order : orders()) {
            if (order.hop("payment") != null && order.hop("payment").state().equals("RETURNED")) {
                String how = snapshot.paymentHow().getOrDefault(order.id(), "other");
                ways.computeIfAbsent(how, h -> new ArrayList<>())
                        .add(Duration.between(order.createdAt(), order.hop("payment").returnedAt()));
            }
        }
        return hop("payment", placed(), ways);
    }

    /**
     * Merchant: at the first attempt of every delivery, or only by redelivery; timed per order as its slowest event,
     * from the event to the merchant's 2xx.
     */
    HopFigures merchant() {
        var ways = ways("first delivery", "redelivery");
        var deliveries = OrderRecords.byOrder(snapshot.deliveries());
        for (Order order : orders()) {
            if (order.hop("merchant") == null || !order.hop("merchant").state().equals("RETURNED")) {
                continue;
            }
            List<Delivery> own = deliveries.getOrDefault(order.id(), List.of());
            boolean again = own.stream().anyMatch(d -> d.attempts() > 1);
            Duration slowest = own.stream().filter(d -> d.deliveredAt() != null)
                    .map(d -> Duration.between(d.createdAt(), d.deliveredAt())).max(Duration::compareTo)
                    .orElse(Duration.ZERO);
            ways.get(again ? "redelivery" : "first delivery").add(slowest);
        }
        return hop("merchant", placed(), ways);
    }

    /** Settlement: only reconciliation brings it back; timed from the order's creation. */
    HopFigures settlement() {
        var ways = ways("reconciliation");
        for (Order order : orders()) {
            if (order.hop("settlement") != null && order.hop("settlement").state().equals("RETURNED")) {
                ways.get("reconciliation").add(Duration.between(order.createdAt(), order.hop("settlement").returnedAt()));
            }
        }
        return hop("settlement", paid(), ways);
    }

    private long status(String status) {
        return orders().stream().filter(o -> o.status().equals(status)).count();
    }

    private static Map<String, List<Duration>> ways(String... hows) {
        var ways = new LinkedHashMap<String, List<Duration>>();
        for (String how : hows) {
            ways.put(how, new ArrayList<>());
        }
        return ways;
    }

    private static HopFigures hop(String name, long expected, Map<String, List<Duration>> ways) {
        return new HopFigures(name, expected, ways.entrySet().stream().map(e -> new Way(e.getKey(), e.getValue())).toList());
    }
}
