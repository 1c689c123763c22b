package io.orderkeep.cli.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.orderkeep.sandbox.SeededDice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The merchant's system in the demo: a tiny HTTP server that checks the Standard Webhooks signature of every delivery
 * as a merchant would (written from the spec, not with Orderkeep's own signer), refuses a bad one with 401, and
 * answers 500 to a share of the good ones on purpose so that Orderkeep has to deliver again. Which ones is decided by
 * the event's type and the order's {@code merchantOrderRef}, not by arrival order, so one seed fails the same
 * deliveries in every run.
 */
final class MerchantReceiver implements AutoCloseable {

    private static final long TOLERANCE_SECONDS = 300;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final ExecutorService threads;
    private final SeededDice dice;
    private final double failsFirst;
    private final double failsRetry;
    private final Clock clock;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong badSignatures = new AtomicLong();
    private final AtomicLong failedOnPurpose = new AtomicLong();
    private volatile byte[] key;

    private MerchantReceiver(HttpServer server, ExecutorService threads, SeededDice dice, FaultLevel level,
            Clock clock) {
        this.server = server;
        this.threads = threads;
        this.dice = dice;
        this.failsFirst = level.receiverFailsFirst();
        this.failsRetry = level.receiverFailsRetry();
        this.clock = clock;
    }

    static MerchantReceiver start(int port, long seed, FaultLevel level) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
            ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
            var receiver = new MerchantReceiver(server, threads, new SeededDice(seed), level, Clock.systemUTC());
            server.setExecutor(threads);
            server.createContext("/", receiver::handle);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("the merchant receiver cannot listen on port " + port, e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/orderkeep-webhooks";
    }

    /** The endpoint's secret as Orderkeep handed it out once ({@code whsec_<base64>}). */
    void trust(String secret) {
        key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    }

    long received() {
        return received.get();
    }

    long badSignatures() {
        return badSignatures.get();
    }

    long failedOnPurpose() {
        return failedOnPurpose.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.incrementAndGet();
            var headers = exchange.getRequestHeaders();
            String id = headers.getFirst("webhook-id");
            if (!verified(id, headers.getFirst("webhook-timestamp"), headers.getFirst("webhook-signature"), body)) {
                badSignatures.incrementAndGet();
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            if (failsNow(seen.add(id), subject(id, body))) {
                failedOnPurpose.incrementAndGet();
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    /** The n-th first attempt (or retry) of one event type for one order fails the same way in every run. */
    private boolean failsNow(boolean firstAttempt, String subject) {
        return firstAttempt
                ? dice.strikes("receiverFailsFirst", subject, failsFirst)
                : dice.strikes("receiverFailsRetry", subject, failsRetry);
    }

    /** The event's type and the order's merchantOrderRef; the webhook id (random) only for a body without them. */
    static String subject(String webhookId, byte[] body) {
        try {
            JsonNode event = JSON.readTree(body);
            JsonNode ref = event.path("data").path("merchantOrderRef");
            if (event.path("type").isString() && ref.isString()) {
                return event.path("type").asString() + "|" + ref.asString();
            }
        } catch (JacksonException e) {
            // Not JSON: Orderkeep never sends that, and the signature was good; fall back to the id.
        }
        return "webhook-id:" + webhookId;
    }

    /** Standard Webhooks 1.0: {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">}, one of several, in constant time. */
    private boolean verified(String id, String timestamp, String signatures, byte[] body) {
        byte[] secret = key;
        if (secret == null || id == null || timestamp == null || signatures == null) {
            return false;
        }
        try {
            if (Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp)) > TOLERANCE_SECONDS) {
                return false;
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = ("v1," + Base64.getEncoder().encodeToString(mac.doFinal(body)))
                    .getBytes(StandardCharsets.UTF_8);
            for (String candidate : signatures.split(" ")) {
                if (MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.UTF_8))) {
                    return true;
                }
            }
            return false;
        } catch (NumberFormatException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.close();
    }
}
