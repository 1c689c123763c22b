package io.orderkeep.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.support.Api;
import io.orderkeep.support.OrderkeepProcess;
import io.orderkeep.support.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Guarantees 1 and 2 under a real crash: concurrent clients create orders against the packaged jar, retrying
 * timeouts and errors with the same idempotency key; the process is killed with SIGKILL at a random moment and
 * started again on the same database; the clients finish their retries. Every order acknowledged before the kill
 * must exist exactly once, and no idempotency key may have two orders.
 */
@Tag("process")
class IntakeCrashTest {

    static final int CLIENTS = 16;
    static final int ORDERS_PER_CLIENT = 150;
    static final String MERCHANT = "m_crash";

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"sqlite", "postgres"})
    void everyAcknowledgedOrderSurvivesSigkillExactlyOnce(String database) throws Exception {
        Path dataDir = TestDatabase.temporaryDirectory();
        var env = OrderkeepProcess.freshDatabase(dataDir, database.equals("postgres"));
        Path log = Files.createTempFile("orderkeep-crash-" + database, ".log");
        long seed = new Random().nextLong();
        var random = new Random(seed);
        // Killed at a random moment: after a random number of acknowledgements, or a random time, whichever comes
        // first (a slow machine must not turn the test into a timeout).
        int killAfterAcks = 100 + random.nextInt(CLIENTS * ORDERS_PER_CLIENT / 2);
        Instant killNoLaterThan = Instant.now().plusMillis(5_000 + random.nextInt(25_000));

        var acknowledgedBeforeKill = new ConcurrentHashMap<String, String>();
        var acknowledged = new ConcurrentHashMap<String, String>();
        var acks = new AtomicInteger();
        var killed = new java.util.concurrent.atomic.AtomicBoolean();

        var first = new OrderkeepProcess(env, log).start();
        int port = first.port();
        var admin = first.api().asAdmin();
        assertThat(admin.post("/api/v1/merchants", Map.of("id", MERCHANT, "name", "Crash Tea")).status()).isEqualTo(201);

        OrderkeepProcess[] current = {first};
        try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                running.add(clients.submit(() -> {
                    var api = Api.at(port).asAdmin();
                    for (int i = 0; i < ORDERS_PER_CLIENT; i++) {
                        String key = "crash-" + seed + "-" + client + "-" + i;
                        String orderId = createWithRetries(api, key, client, i);
                        acknowledged.put(key, orderId);
                        if (!killed.get()) {
                            acknowledgedBeforeKill.put(key, orderId);
                        }
                        acks.incrementAndGet();
                    }
                    return null;
                }));
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(5)).until(() -> acks.get() >= killAfterAcks
                    || acks.get() >= 20 && Instant.now().isAfter(killNoLaterThan));
            killed.set(true);
            current[0].kill();
            // Acknowledgements that raced the kill flag are still acknowledged: keep them in the "before" set.
            current[0] = first.restarted().start();
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            current[0].close();
        }

        var restarted = first.restarted().start();
        try {
            Map<String, List<String>> ordersByKey = allOrdersByKey(restarted.api().asAdmin());
            assertThat(acknowledgedBeforeKill).as("acknowledged before the kill (seed %d)", seed).isNotEmpty();
            acknowledged.forEach((key, orderId) -> assertThat(ordersByKey.get(key))
                    .as("orders for key %s (seed %d)", key, seed)
                    .containsExactly(orderId));
            assertThat(ordersByKey.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
            assertThat(ordersByKey).hasSize(CLIENTS * ORDERS_PER_CLIENT);
        } finally {
            restarted.close();
            OrderkeepProcess.dropDatabase(env);
        }
    }

    /** What a careful client does: the same key and body until it gets a definite answer. */
    private static String createWithRetries(Api api, String key, int client, int i) {
        Map<String, Object> body = Map.of(
                "merchantId", MERCHANT,
                "currency", "CNY",
                "items", List.of(Map.of("sku", "TEA-" + client, "name", "Oolong", "quantity", 1 + i % 3, "unitAmount", 1250)),
                "customer", Map.of("name", "Li Wei", "email", "li.wei@example.com", "locale", "zh-CN"),
                "metadata", Map.of("idempotencyKey", key));
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(giveUp)) {
            try {
                var response = api.header("Idempotency-Key", key).post("/api/v1/orders", body);
                if (response.status() == 201) {
                    return response.json().path("id").asString();
                }
                if (response.status() != 409 && response.status() != 429 && response.status() < 500) {
                    throw new AssertionError("unexpected answer for " + key + ": " + response);
                }
            } catch (UncheckedIOException expectedWhileDown) {
                // The server is down or restarting: a real client retries with the same key.
            }
            // A client's back-off between retries (not a test waiting for a condition): keeps 16 clients from
            // spinning on a refused connection while the server restarts.
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        throw new AssertionError("no definite answer for " + key + " within 4 minutes");
    }

    private static Map<String, List<String>> allOrdersByKey(Api admin) {
        Map<String, List<String>> byKey = new HashMap<>();
        Set<String> seen = new HashSet<>();
        String cursor = null;
        do {
            var page = admin.get("/api/v1/orders?merchantId=" + MERCHANT + "&limit=200"
                    + (cursor == null ? "" : "&cursor=" + cursor)).json();
            for (var order : page.path("data")) {
                String id = order.path("id").asString();
                assertThat(seen.add(id)).as("order %s listed twice", id).isTrue();
                byKey.computeIfAbsent(order.path("metadata").path("idempotencyKey").asString(), k -> new ArrayList<>()).add(id);
            }
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
        } while (cursor != null);
        return byKey;
    }
}
