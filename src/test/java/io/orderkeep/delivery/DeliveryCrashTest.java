package io.orderkeep.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderkeep.sandbox.SandboxConfig;
import io.orderkeep.sandbox.SandboxServer;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Guarantee 3 (every order reaches the merchant) under a real crash. Clients create orders against the packaged jar
 * (with the sandbox provider opening their payments) and cancel every other one, so most orders have two events;
 * a receiver in this JVM verifies every Standard Webhooks signature and fails one answer in ten. While deliveries
 * flow, the process is killed with SIGKILL, {@value #KILLS} times, each time restarted on the same database. At the
 * end every event of every acknowledged order must have reached the receiver at least once, the first arrivals of
 * each order's events in order. Duplicates (a second 2xx for one webhook-id: sent, taken, but the outcome not yet
 * recorded when the process died) are counted per kill and written to {@code target/delivery-crash-<db>.txt}.
 */
@Tag("process")
class DeliveryCrashTest {

    static final int KILLS = 2;
    static final int CLIENTS = 8;
    static final String MERCHANT = "m_dlv_crash";
    static final String PATH = "/crash";

    /** Short timeouts and lease, so that what a dead instance held is sent again within seconds, not a minute. */
    static final String SETTINGS = """
            {"orderkeep": {"delivery": {"lease": "5s", "connect-timeout": "1s", "request-timeout": "3s",
                                        "poll-interval": "PT0.2S", "initial-delay": "PT0S",
                                        "retry-schedule": ["0s", "1s", "2s", "4s", "8s", "16s", "30s"]},
                           "providers": {"sandbox": {"url": "%s"}}}}""";

    record Kill(int number, int receivedBefore, int ordersBefore) {}

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"sqlite", "postgres"})
    void everyEventOfEveryAcknowledgedOrderArrivesAfterSigkills(String database) throws Exception {
        long began = System.nanoTime();
        long seed = new Random().nextLong();
        var random = new Random(seed);
        Path dataDir = TestDatabase.temporaryDirectory();
        var env = OrderkeepProcess.freshDatabase(dataDir, database.equals("postgres"));
        Path log = Files.createTempFile("orderkeep-delivery-crash-" + database, ".log");
        var acknowledged = new ConcurrentHashMap<String, Boolean>(); // order id -> cancellation acknowledged
        var stop = new AtomicBoolean();
        var kills = new ArrayList<Kill>();

        try (var sandbox = SandboxServer.start(SandboxConfig.of(dataDir.resolve("sandbox.db"), SandboxConfig.DEVELOPMENT_SECRET)
                     .withHost("127.0.0.1").withPort(0));
             var receiver = Receiver.start()) {
            env.put("SPRING_APPLICATION_JSON", SETTINGS.formatted(sandbox.url()));
            // One answer in ten is a 500, so that retries are under way when the process dies.
            var replies = new Receiver.Reply[20_000];
            for (int i = 0; i < replies.length; i++) {
                replies[i] = Receiver.Reply.status(random.nextInt(10) == 0 ? 500 : 200);
            }
            receiver.script(PATH, replies);

            OrderkeepProcess[] current = {new OrderkeepProcess(env, log).start()};
            var first = current[0];
            var admin = first.api().asAdmin();
            assertThat(admin.post("/api/v1/merchants", Map.of("id", MERCHANT, "name", "Crash Delivery Tea")).status())
                    .isEqualTo(201);
            var endpoint = admin.post("/api/v1/webhook-endpoints",
                    Map.of("merchantId", MERCHANT, "url", receiver.url(PATH), "events", List.of("*")));
            assertThat(endpoint.status()).as(endpoint.body()).isEqualTo(201);
            receiver.secrets(PATH, endpoint.json().path("secret").asString());

            try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> running = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    int client = c;
                    running.add(clients.submit(() -> {
                        var api = Api.at(first.port()).asAdmin();
                        for (int i = 0; !stop.get(); i++) {
                            String orderId = create(api, "dlv-crash-" + seed + "-" + client + "-" + i, client);
                            acknowledged.put(orderId, false);
                            if (i % 2 == 0 && cancel(api, orderId)) {
                                acknowledged.put(orderId, true);
                            }
                        }
                        return null;
                    }));
                }
                for (int k = 1; k <= KILLS; k++) {
                    // Killed while deliveries flow: after a random number of them since this instance started.
                    int since = receiver.at(PATH).size();
                    int wanted = since + 30 + random.nextInt(150);
                    Instant noLaterThan = Instant.now().plusSeconds(15);
                    await().atMost(Duration.ofMinutes(2)).until(() -> receiver.at(PATH).size() >= wanted
                            || receiver.at(PATH).size() > since && Instant.now().isAfter(noLaterThan));
                    kills.add(new Kill(k, receiver.at(PATH).size(), acknowledged.size()));
                    current[0].kill();
                    current[0] = first.restarted().start();
                }
                int afterLast = receiver.at(PATH).size();
                await().atMost(Duration.ofMinutes(1)).until(() -> receiver.at(PATH).size() >= afterLast + 30);
                stop.set(true);
                for (Future<?> f : running) {
                    f.get();
                }
            }

            try {
                var api = current[0].api().asAdmin();
                Map<String, List<String>> eventsByOrder = new LinkedHashMap<>();
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    eventsByOrder.clear();
                    eventsByOrder.putAll(feed(api));
                    Set<String> got = receivedIds(receiver);
                    acknowledged.forEach((orderId, cancelled) -> {
                        List<String> types = eventsByOrder.getOrDefault(orderId, List.of()).stream()
                                .map(e -> e.substring(0, e.indexOf(' '))).toList();
                        assertThat(types).as("events of acknowledged order %s (seed %d)", orderId, seed)
                                .contains("order.created");
                        if (cancelled) {
                            assertThat(types).contains("order.cancelled");
                        }
                    });
                    List<String> missing = eventsByOrder.values().stream().flatMap(List::stream)
                            .map(e -> e.substring(e.indexOf(' ') + 1)).filter(id -> !got.contains(id)).toList();
                    assertThat(missing).as("events never delivered (seed %d)", seed).isEmpty();
                });

                var received = receiver.at(PATH);
                assertThat(received).as("every request signed as Standard Webhooks says")
                        .allMatch(Receiver.Received::verified);
                Map<String, Integer> firstArrival = new HashMap<>();
                for (int i = 0; i < received.size(); i++) {
                    firstArrival.putIfAbsent(received.get(i).id(), i);
                }
                eventsByOrder.forEach((orderId, events) -> assertThat(events.stream()
                        .map(e -> firstArrival.get(e.substring(e.indexOf(' ') + 1))).toList())
                        .as("first arrivals of %s's events, in the order of its events", orderId).isSorted());

                String report = report(database, seed, kills, received, acknowledged.size(),
                        eventsByOrder.values().stream().mapToInt(List::size).sum(), Duration.ofNanos(System.nanoTime() - began));
                System.out.println(report);
                Files.createDirectories(Path.of("target"));
                Files.writeString(Path.of("target", "delivery-crash-" + database + ".txt"), report);
            } finally {
                current[0].close();
            }
        } finally {
            OrderkeepProcess.dropDatabase(env);
        }
    }

    /**
     * Duplicates per kill: a 2xx for a webhook-id that already had one. It is put down to the last kill between
     * the two, or to no kill when none lies between them (which would mean a lease ran out under load).
     */
    static String report(String database, long seed, List<Kill> kills, List<Receiver.Received> received, int orders,
            int events, Duration took) {
        int[] duplicates = new int[kills.size() + 1];
        Map<String, Integer> lastTaken = new HashMap<>();
        for (int i = 0; i < received.size(); i++) {
            var r = received.get(i);
            if (r.answered() / 100 != 2) {
                continue;
            }
            Integer before = lastTaken.put(r.id(), i);
            if (before != null) {
                int blamed = 0;
                for (Kill kill : kills) {
                    if (before < kill.receivedBefore() && kill.receivedBefore() <= i) {
                        blamed = kill.number();
                    }
                }
                duplicates[blamed]++;
            }
        }
        var text = new StringBuilder("delivery crash test on %s (seed %d): %d acknowledged orders, %d events, %d requests received, %d s%n"
                .formatted(database, seed, orders, events, received.size(), took.toSeconds()));
        for (Kill kill : kills) {
            text.append("  kill %d (SIGKILL after %d requests, %d orders): %d duplicates%n"
                    .formatted(kill.number(), kill.receivedBefore(), kill.ordersBefore(), duplicates[kill.number()]));
        }
        text.append("  duplicates with no kill between: %d%n".formatted(duplicates[0]));
        return text.toString();
    }

    private static Set<String> receivedIds(Receiver receiver) {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        receiver.at(PATH).stream().filter(r -> r.answered() / 100 == 2).forEach(r -> ids.add(r.id()));
        return ids;
    }

    /** The merchant's whole feed, as "type id" per order in feed (commit) order. An admin's read acknowledges nothing. */
    private static Map<String, List<String>> feed(Api admin) {
        Map<String, List<String>> byOrder = new LinkedHashMap<>();
        String after = null;
        while (true) {
            var page = admin.get("/api/v1/events?merchantId=" + MERCHANT + "&limit=200"
                    + (after == null ? "" : "&after=" + after));
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            var json = page.json();
            if (json.path("data").isEmpty()) {
                return byOrder;
            }
            for (var event : json.path("data")) {
                byOrder.computeIfAbsent(event.path("orderId").asString(), o -> new ArrayList<>())
                        .add(event.path("type").asString() + " " + event.path("id").asString());
            }
            after = json.path("nextCursor").asString();
        }
    }

    /** What a careful client does: the same key until a definite answer. */
    private static String create(Api api, String key, int client) {
        Map<String, Object> body = Map.of(
                "merchantId", MERCHANT,
                "currency", "CNY",
                "items", List.of(Map.of("sku", "TEA-" + client, "name", "Oolong", "quantity", 1, "unitAmount", 1250)),
                "customer", Map.of("name", "Li Wei", "email", "li.wei@example.com", "locale", "zh-CN"));
        return untilDefinite("create " + key, () -> {
            var response = api.header("Idempotency-Key", key).post("/api/v1/orders", body);
            return response.status() == 201 ? response.json().path("id").asString() : definiteOrNull(response);
        });
    }

    /** Cancels; true once cancelled, false when the order could not be (already paid or expired). */
    private static boolean cancel(Api api, String orderId) {
        return Boolean.parseBoolean(untilDefinite("cancel " + orderId, () -> {
            var response = api.post("/api/v1/orders/" + orderId + "/cancel", Map.of("reason", "changed my mind"));
            if (response.status() == 200) {
                return "true";
            }
            return response.status() == 409 && Set.of("order_paid", "illegal_transition").contains(response.code())
                    ? "false" : definiteOrNull(response);
        }));
    }

    private static String definiteOrNull(Api.Response response) {
        if (response.status() == 409 || response.status() == 429 || response.status() >= 500) {
            return null;
        }
        throw new AssertionError("unexpected answer: " + response);
    }

    private static String untilDefinite(String what, java.util.function.Supplier<String> attempt) {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(giveUp)) {
            try {
                String answer = attempt.get();
                if (answer != null) {
                    return answer;
                }
            } catch (UncheckedIOException expectedWhileDown) {
                // The server is down or restarting: a real client tries again.
            }
            // A client's back-off between retries (not a test waiting for a condition).
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        throw new AssertionError("no definite answer to " + what + " within 2 minutes");
    }
}
