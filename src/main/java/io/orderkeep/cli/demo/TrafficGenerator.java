package io.orderkeep.cli.demo;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;

/**
 * Plays the customers' plan: places each order through Orderkeep's real API (retrying with the same idempotency
 * key when an answer is lost), then, after the customer's thinking time, pays or fails through the sandbox's pay
 * API, or walks away. It keeps no figures for the summary: those are read back from Orderkeep.
 */
final class TrafficGenerator {

    private static final int PLACE_TRIES = 5;

    private final DemoHttp orderkeep;
    private final DemoHttp sandbox;
    private final ScheduledExecutorService scheduler;
    private final List<Customer> plan;
    private final DemoTimings timings;
    private final long seed;
    private final CountDownLatch finished;
    private final AtomicReference<JsonNode> firstOrder = new AtomicReference<>();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong payErrors = new AtomicLong();
    private final AtomicReference<String> lastRefusal = new AtomicReference<>();

    TrafficGenerator(DemoHttp orderkeep, DemoHttp sandbox, ScheduledExecutorService scheduler, List<Customer> plan,
            DemoTimings timings, long seed) {
        this.orderkeep = orderkeep;
        this.sandbox = sandbox;
        this.scheduler = scheduler;
        this.plan = plan;
        this.timings = timings;
        this.seed = seed;
        this.finished = new CountDownLatch(plan.size());
    }

    void start() {
        plan.forEach(c -> scheduler.schedule(() -> place(c, 1), c.placedAfter().toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Waits until every customer has placed an order and done what the plan says; false if the time ran out. */
    boolean awaitCustomers(Duration limit) throws InterruptedException {
        return finished.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    long customersLeft() {
        return finished.getCount();
    }

    /** The first order placed, as Orderkeep answered it (for its tracking link), or null before. */
    JsonNode firstOrder() {
        return firstOrder.get();
    }

    /** Orders Orderkeep would not take even after retries (should stay 0). */
    long refused() {
        return refused.get();
    }

    /** Why the last refused order was refused, or null. */
    String lastRefusal() {
        return lastRefusal.get();
    }

    /** Pay calls that came back with an error: the fail-after-charge fault, the customer saw an error page. */
    long payErrors() {
        return payErrors.get();
    }

    private void place(Customer customer, int attempt) {
        JsonNode order = null;
        try {
            var reply = orderkeep.post("/api/v1/orders", body(customer),
                    Map.of("Idempotency-Key", "demo-" + seed + "-" + customer.index()));
            if (reply.ok()) {
                order = reply.body();
            } else if (reply.status() / 100 == 4 && reply.status() != 409 && reply.status() != 429) {
                refuse(customer, "answered " + reply.status() + ": " + reply.body());
                return;
            }
        } catch (UncheckedIOException e) {
            // The answer was lost: the same key again gives the same order, never a second one.
        }
        if (order == null) {
            if (attempt >= PLACE_TRIES) {
                refuse(customer, "no answer after " + attempt + " tries");
            } else {
                scheduler.schedule(() -> place(customer, attempt + 1), 500L * attempt, TimeUnit.MILLISECONDS);
            }
            return;
        }
        firstOrder.compareAndSet(null, order);
        if (customer.choice() == Customer.Choice.WALK_AWAY) {
            finished.countDown();
            return;
        }
        String orderId = order.path("id").asString();
        String ref = providerRef(order);
        scheduler.schedule(() -> act(customer, orderId, ref, 0), customer.think().toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The customer clicks pay or fail on the sandbox's pay page. Without a pay URL yet (the provider's answer to the
     * create was lost, the watch has not asked yet) the shop page is reloaded a little later.
     */
    private void act(Customer customer, String orderId, String knownRef, int reloads) {
        String ref = knownRef;
        try {
            if (ref == null) {
                ref = providerRef(orderkeep.get("/api/v1/orders/" + orderId).body());
            }
            if (ref == null) {
                if (reloads * timings.thinkMax().toMillis() > timings.expiryWindow().toMillis()) {
                    finished.countDown();
                } else {
                    scheduler.schedule(() -> act(customer, orderId, null, reloads + 1),
                            timings.thinkMax().toMillis(), TimeUnit.MILLISECONDS);
                }
                return;
            }
            String outcome = customer.choice() == Customer.Choice.PAY ? "SUCCEEDED" : "FAILED";
            if (!sandbox.post("/v1/payments/" + ref + "/pay", Map.of("outcome", outcome)).ok()) {
                payErrors.incrementAndGet();
            }
        } catch (RuntimeException e) {
            payErrors.incrementAndGet();
        }
        finished.countDown();
    }

    private void refuse(Customer customer, String why) {
        refused.incrementAndGet();
        lastRefusal.set("order " + customer.index() + " was not placed: " + why);
        finished.countDown();
    }

    private static String providerRef(JsonNode order) {
        JsonNode ref = order.path("payment").path("providerRef");
        return ref.isString() && !ref.asString().isEmpty() ? ref.asString() : null;
    }

    private static Map<String, Object> body(Customer customer) {
        var body = new LinkedHashMap<String, Object>();
        body.put("merchantId", DemoSetup.MERCHANT);
        body.put("merchantOrderRef", "DEMO-" + customer.index());
        body.put("currency", "CNY");
        body.put("items", customer.items());
        body.put("customer", Map.of("name", "Customer " + customer.index(),
                "email", "customer" + customer.index() + "@example.com", "locale", "zh-CN"));
        body.put("shippingAddress", Map.of("country", "CN", "city", "Hangzhou", "line1", customer.index() + " West Lake Rd",
                "postalCode", "310000"));
        body.put("payment", Map.of("provider", "sandbox"));
        return body;
    }
}
