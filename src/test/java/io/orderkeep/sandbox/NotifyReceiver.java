package io.orderkeep.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * A stand-in for Orderkeep's notify endpoint: a real HTTP server that records what it receives and answers with a
 * status the test chooses (by default 204, or from a queue of answers for the first requests).
 */
final class NotifyReceiver implements AutoCloseable {

    record Received(String eventId, String timestamp, String signature, String body) {
        JsonNode json() {
            return SandboxClient.JSON.readTree(body);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Integer> nextAnswers = new CopyOnWriteArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(204);
    private volatile String verifyWith;

    NotifyReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/notify", exchange -> {
            try (exchange) {
                var headers = exchange.getRequestHeaders();
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                received.add(new Received(headers.getFirst("sandbox-event-id"), headers.getFirst("sandbox-timestamp"),
                        headers.getFirst("sandbox-signature"), body));
                Integer status = nextAnswers.isEmpty() ? null : nextAnswers.removeFirst();
                if (verifyWith != null && !verifies(headers.getFirst("sandbox-timestamp"),
                        headers.getFirst("sandbox-signature"), body)) {
                    status = 401;
                }
                exchange.sendResponseHeaders(status != null ? status : answer.get(), -1);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/notify";
    }

    /** From now on, answer 401 to a notification whose signature does not verify with {@code secret}. */
    void rejectBadSignaturesOf(String secret) {
        verifyWith = secret;
    }

    /** The notifications whose signature verifies with {@code secret}. */
    List<Received> verified(String secret) {
        return received.stream().filter(r -> verifies(secret, r.timestamp(), r.signature(), r.body())).toList();
    }

    private boolean verifies(String timestamp, String signature, String body) {
        return verifies(verifyWith, timestamp, signature, body);
    }

    private static boolean verifies(String secret, String timestamp, String signature, String body) {
        try {
            return NotificationsTest.expectedSignature(secret, timestamp, body).equals(signature);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The status every request gets from now on. */
    void answer(int status) {
        answer.set(status);
    }

    /** The statuses the next requests get, in order, before falling back to {@link #answer(int)}. */
    void answerNext(Integer... statuses) {
        nextAnswers.addAll(List.of(statuses));
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> receivedFor(String providerRef) {
        return received.stream().filter(r -> r.json().path("providerRef").asString().equals(providerRef)).toList();
    }

    Map<String, Long> countByEventId() {
        return received.stream().collect(java.util.stream.Collectors.groupingBy(Received::eventId,
                java.util.stream.Collectors.counting()));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
