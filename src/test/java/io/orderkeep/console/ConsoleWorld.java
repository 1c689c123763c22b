package io.orderkeep.console;

import io.orderkeep.sandbox.SandboxConfig;
import io.orderkeep.sandbox.SandboxServer;
import io.orderkeep.sandbox.core.Signer;
import io.orderkeep.support.Api;
import io.orderkeep.support.MutableClock;
import io.orderkeep.support.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;

/**
 * The world the console's browser tests run in: a real sandbox provider on its own port and a movable clock that
 * Orderkeep and the sandbox both read, with the watch off so that only what a test (or a console user) does moves
 * an order. One per test JVM.
 */
final class ConsoleWorld {

    static final MutableClock CLOCK = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    static final SandboxServer SANDBOX = SandboxServer.start(
            SandboxConfig.of(TestDatabase.temporaryDirectory().resolve("sandbox.db"), SandboxConfig.DEVELOPMENT_SECRET)
                    .withHost("127.0.0.1")
                    .withPort(0)
                    .withClock(CLOCK)
                    .withSeed(11L));
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private ConsoleWorld() {}

    static void properties(DynamicPropertyRegistry registry) {
        registry.add("orderkeep.providers.sandbox.url", SANDBOX::url);
        registry.add("orderkeep.watch.enabled", () -> "false");
    }

    /** Creates a merchant with a fresh id through the API and answers the id. */
    static String merchant(Api admin) {
        String id = "m_" + UUID.randomUUID().toString().substring(0, 8);
        var created = admin.post("/api/v1/merchants", Map.of("id", id, "name", "Tea " + id, "defaultLocale", "zh-CN",
                "timeZone", "Asia/Shanghai"));
        if (created.status() != 201) {
            throw new IllegalStateException("merchant not created: " + created);
        }
        return id;
    }

    /** Creates an order through the API and answers it as the 201 showed it. */
    static JsonNode order(Api admin, String merchant, long amount) {
        var body = new LinkedHashMap<String, Object>();
        body.put("merchantId", merchant);
        body.put("currency", "CNY");
        body.put("items", List.of(Map.of("sku", "TEA-01", "name", "Oolong", "quantity", 1, "unitAmount", amount)));
        body.put("customer", Map.of("name", "Li Wei", "email", "li.wei@example.com"));
        body.put("shippingAddress", Map.of("country", "CN", "city", "Hangzhou", "line1", "1 West Lake Rd",
                "postalCode", "310000"));
        body.put("payment", Map.of("provider", "sandbox"));
        var response = admin.header("Idempotency-Key", UUID.randomUUID().toString()).post("/api/v1/orders", body);
        if (response.status() != 201) {
            throw new IllegalStateException("order not created: " + response);
        }
        return response.json();
    }

    /** Sets the sandbox's faults through its own API, as an operator would. */
    static void faults(String json) {
        sandbox("POST", "/v1/faults", json);
    }

    /** What the customer does on the sandbox's pay page. */
    static void pay(String outTradeNo, String outcome) {
        String ref = sandbox("GET", "/v1/payments?outTradeNo=" + outTradeNo, null).json().path("providerRef").asString();
        sandbox("POST", "/v1/payments/" + ref + "/pay", "{\"outcome\": \"" + outcome + "\"}");
    }

    /**
     * Posts Orderkeep a notification that the payment succeeded for {@code amount} CNY, with the sandbox's body,
     * headers and signature (the development secret), as if the sandbox had sent it; answers Orderkeep's response.
     */
    static Api.Response notifySucceeded(int port, String outTradeNo, long amount) {
        String ref = sandbox("GET", "/v1/payments?outTradeNo=" + outTradeNo, null).json().path("providerRef").asString();
        var body = new LinkedHashMap<String, Object>();
        body.put("eventId", "evt_" + UUID.randomUUID());
        body.put("providerRef", ref);
        body.put("outTradeNo", outTradeNo);
        body.put("status", "SUCCEEDED");
        body.put("amount", amount);
        body.put("currency", "CNY");
        body.put("refundedAmount", 0);
        body.put("occurredAt", CLOCK.instant().toString());
        String json = Api.JSON.writeValueAsString(body);
        long timestamp = CLOCK.instant().getEpochSecond();
        return Api.at(port).header("sandbox-event-id", (String) body.get("eventId"))
                .header("sandbox-timestamp", Long.toString(timestamp))
                .header("sandbox-signature", Signer.sign(SandboxConfig.DEVELOPMENT_SECRET, timestamp, json))
                .post("/api/v1/providers/sandbox/notify", json);
    }

    static Api.Response sandbox(String method, String path, String body) {
        var request = HttpRequest.newBuilder(URI.create(SANDBOX.url() + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("sandbox answered " + response.statusCode() + ": " + response.body());
            }
            return new Api.Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {
        @Bean
        @Primary
        MutableClock sharedClock() {
            return CLOCK;
        }
    }
}
