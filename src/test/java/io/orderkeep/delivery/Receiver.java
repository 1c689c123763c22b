package io.orderkeep.delivery;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A merchant's webhook receiver for tests: a real HTTP server that verifies every delivery with the test's own
 * Standard Webhooks code (signature and timestamp tolerance, against {@link #clock(Clock)}), answers what each path's script says (200 once the script is used up), and records
 * everything it got.
 */
public final class Receiver implements AutoCloseable {

    /**
     * What one request brought, whether its signature verified against the path's secrets, and the status the
     * receiver answered (a 2xx means the merchant took it: a second 2xx for one id is a duplicate, not a retry).
     */
    public record Received(String path, String id, String timestamp, String signature, String body, boolean verified,
            int answered) {}

    /**
     * A scripted answer; {@code hold}, when set, keeps the answer back until it is released (a slow server);
     * {@code body}, when set, is answered instead of {@code {"answer":<status>}}: any bytes, not only valid UTF-8.
     */
    public record Reply(int status, Map<String, String> headers, CountDownLatch hold, byte[] body) {
        public static Reply status(int status) {
            return new Reply(status, Map.of(), null, null);
        }

        public static Reply retryAfter(int status, int seconds) {
            return new Reply(status, Map.of("Retry-After", Integer.toString(seconds)), null, null);
        }

        public static Reply heldUntil(CountDownLatch release) {
            return new Reply(200, Map.of(), release, null);
        }

        public static Reply withBody(int status, String body) {
            return new Reply(status, Map.of(), null, body.getBytes(StandardCharsets.UTF_8));
        }

        public static Reply withBytes(int status, byte[] body) {
            return new Reply(status, Map.of(), null, body.clone());
        }
    }

    private final HttpServer server;
    private final Map<String, Deque<Reply>> scripts = new ConcurrentHashMap<>();
    private final Map<String, List<String>> secrets = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    /** The receiver's clock for the timestamp check: the test's clock when Orderkeep signs with a moved one. */
    private volatile Clock clock = Clock.systemUTC();

    private Receiver(HttpServer server) {
        this.server = server;
    }

    public static Receiver start() {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
            var receiver = new Receiver(server);
            server.createContext("/", receiver::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Checks timestamps against this clock from now on (Orderkeep signs with its injected clock). */
    public Receiver clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    public void script(String path, Reply... replies) {
        scripts.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(replies));
    }

    public void secrets(String path, String... pathSecrets) {
        secrets.put(path, List.of(pathSecrets));
    }

    public List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var headers = exchange.getRequestHeaders();
        String id = headers.getFirst("webhook-id");
        String timestamp = headers.getFirst("webhook-timestamp");
        String signature = headers.getFirst("webhook-signature");
        boolean verified = StandardWebhooks.verify(secrets.getOrDefault(path, List.of()), id, timestamp, body, signature,
                clock.instant());
        Reply reply;
        synchronized (scripts) {
            Deque<Reply> script = scripts.get(path);
            reply = script == null || script.isEmpty() ? Reply.status(200) : script.poll();
        }
        received.add(new Received(path, id, timestamp, signature, body, verified, reply.status()));
        if (reply.hold() != null) {
            try {
                reply.hold().await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] answer = reply.body() != null ? reply.body()
                : ("{\"answer\":" + reply.status() + "}").getBytes(StandardCharsets.UTF_8);
        try {
            exchange.sendResponseHeaders(reply.status(), answer.length);
            exchange.getResponseBody().write(answer);
        } catch (IOException clientGone) {
            // The dispatcher gave up on a held answer (its timeout): nothing is left to answer.
            exchange.getResponseBody().close();
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
