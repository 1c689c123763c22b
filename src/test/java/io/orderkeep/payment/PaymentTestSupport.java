package io.orderkeep.payment;

import io.orderkeep.payment.internal.Watch;
import io.orderkeep.support.Api;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** What payment tests share: the world (sandbox, proxy, clock), the running Orderkeep and small helpers. */
abstract class PaymentTestSupport {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;
    @Autowired
    Watch watch;
    @Autowired
    JdbcClient jdbc;

    Api api;
    String merchant;

    @DynamicPropertySource
    static void world(DynamicPropertyRegistry registry) {
        PaymentWorld.properties(registry);
    }

    @BeforeEach
    void setUpWorld() {
        PaymentWorld.calm();
        // Past any circuit-breaker cool-down an earlier test's faults left behind; leftovers are worked calmly.
        tick(Duration.ofMinutes(1));
        api = Api.at(port).asAdmin();
        merchant = "m_" + UUID.randomUUID().toString().substring(0, 8);
        var created = api.post("/api/v1/merchants", Map.of("id", merchant, "name", "Tea " + merchant,
                "defaultLocale", "zh-CN", "timeZone", "Asia/Shanghai"));
        if (created.status() != 201) {
            throw new IllegalStateException("cannot create merchant: " + created);
        }
    }

    /** Creates an order of {@code amount} CNY and answers it as the 201 showed it. */
    JsonNode newOrder(long amount) {
        return newOrder(amount, null);
    }

    /** The same, with the merchant's own reference of the order when {@code merchantOrderRef} is not null. */
    JsonNode newOrder(long amount, String merchantOrderRef) {
        var body = new LinkedHashMap<String, Object>();
        body.put("merchantId", merchant);
        if (merchantOrderRef != null) {
            body.put("merchantOrderRef", merchantOrderRef);
        }
        body.put("currency", "CNY");
        body.put("items", List.of(Map.of("sku", "TEA-01", "name", "Oolong", "quantity", 1, "unitAmount", amount)));
        body.put("customer", Map.of("name", "Li Wei", "email", "li.wei@example.com"));
        body.put("shippingAddress", Map.of("country", "CN", "city", "Hangzhou", "line1", "1 West Lake Rd", "postalCode", "310000"));
        body.put("payment", Map.of("provider", "sandbox"));
        var response = api.header("Idempotency-Key", UUID.randomUUID().toString()).post("/api/v1/orders", body);
        if (response.status() != 201) {
            throw new IllegalStateException("order not created: " + response);
        }
        return response.json();
    }

    JsonNode order(String id) {
        return api.get("/api/v1/orders/" + id).json();
    }

    /** The sandbox's own record of a payment (its truth), asked with a patient client. */
    JsonNode truth(String outTradeNo) {
        return sandbox("GET", "/v1/payments?outTradeNo=" + outTradeNo, null).json();
    }

    /** What the customer does on the pay page. A fail-after-charge fault may answer 500 after the payment moved. */
    void pay(String outTradeNo, String outcome) {
        String ref = truth(outTradeNo).path("providerRef").asString();
        sandbox("POST", "/v1/payments/" + ref + "/pay", "{\"outcome\": \"" + outcome + "\"}");
    }

    Api.Response sandbox(String method, String path, String body) {
        var request = HttpRequest.newBuilder(URI.create(PaymentWorld.SANDBOX.url() + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts a notification signed as the sandbox signs them (or with {@code secret} to forge one). */
    Api.Response notifyAs(String secret, String body) {
        long timestamp = PaymentWorld.CLOCK.instant().getEpochSecond();
        return Api.at(port).header("sandbox-event-id", Api.JSON.readTree(body).path("eventId").asString())
                .header("sandbox-timestamp", Long.toString(timestamp))
                .header("sandbox-signature", sign(secret, timestamp + "." + body))
                .post("/api/v1/providers/sandbox/notify", body);
    }

    static String notification(String outTradeNo, String status, long amount, String currency) {
        return Api.JSON.writeValueAsString(Map.of("eventId", "evt_" + UUID.randomUUID(), "providerRef", "sp_test",
                "outTradeNo", outTradeNo, "status", status, "amount", amount, "currency", currency,
                "occurredAt", PaymentWorld.CLOCK.instant().toString()));
    }

    static String sign(String secret, String payload) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v1=" + HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Moves time by {@code step} and lets the watch work what fell due. */
    void tick(Duration step) {
        PaymentWorld.CLOCK.advance(step);
        watch.runOnce();
    }

    int audited(String action, String targetId) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entries WHERE action = ? AND target_id = ?")
                .params(action, targetId).query(Integer.class).single();
    }
}
