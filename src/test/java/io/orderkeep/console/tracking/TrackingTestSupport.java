package io.orderkeep.console.tracking;

import io.orderkeep.payment.PaymentWorld;
import io.orderkeep.sandbox.Faults;
import io.orderkeep.support.Api;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * What the tracking page's tests share (and so one application context): Orderkeep paying through the real
 * sandbox provider of the payment tests, whose notifications make orders paid; a fresh merchant (zh-CN,
 * Asia/Shanghai) per test; orders created through the API; the customer's actions at the sandbox's pay page.
 */
@Import(PaymentWorld.Config.class)
abstract class TrackingTestSupport {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    Api api;
    String merchant;

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        registry.add("orderkeep.providers.sandbox.url", PaymentWorld.SANDBOX::url);
        registry.add("orderkeep.providers.sandbox.read-timeout", () -> "2s");
        // Notifications alone move these orders; the watch would only add queries.
        registry.add("orderkeep.watch.enabled", () -> "false");
    }

    @BeforeEach
    void setUpShop() {
        PaymentWorld.SANDBOX.setFaults(Faults.NONE);
        api = Api.at(port).asAdmin();
        merchant = "m_" + UUID.randomUUID().toString().substring(0, 8);
        var created = api.post("/api/v1/merchants", Map.of("id", merchant, "name", "Tea House " + merchant.substring(2),
                "defaultLocale", "zh-CN", "timeZone", "Asia/Shanghai"));
        if (created.status() != 201) {
            throw new IllegalStateException("cannot create merchant: " + created);
        }
    }

    /** An order of two teas (2 × {@code unitAmount}) with the customer's contact data and language. */
    JsonNode newOrder(String currency, long unitAmount, String locale) {
        var body = new LinkedHashMap<String, Object>();
        body.put("merchantId", merchant);
        body.put("currency", currency);
        body.put("items", List.of(Map.of("sku", "TEA-01", "name", "Oolong 100g", "quantity", 2, "unitAmount", unitAmount)));
        body.put("customer", Map.of("name", "Li Wei", "email", "li.wei@example.com", "phone", "+8613800138000",
                "locale", locale));
        body.put("shippingAddress", Map.of("country", "CN", "city", "Hangzhou", "line1", "1 West Lake Rd",
                "postalCode", "310000"));
        body.put("payment", Map.of("provider", "sandbox"));
        var response = api.header("Idempotency-Key", UUID.randomUUID().toString()).post("/api/v1/orders", body);
        if (response.status() != 201) {
            throw new IllegalStateException("order not created: " + response);
        }
        return response.json();
    }

    /** The tracking link's path and query ({@code /track/ord_…?t=…}), for this server whatever its host name. */
    static String trackingPath(JsonNode order) {
        URI link = URI.create(order.path("trackingUrl").asString());
        return link.getRawPath() + "?" + link.getRawQuery();
    }

    JsonNode order(String id) {
        return api.get("/api/v1/orders/" + id).json();
    }

    /** What the customer does on the sandbox's pay page for the order's latest payment attempt. */
    void pay(JsonNode order, String outcome) {
        String attempt = order(order.path("id").asString()).path("payment").path("id").asString();
        String ref = sandbox("GET", "/v1/payments?outTradeNo=" + attempt, null).json().path("providerRef").asString();
        var paid = sandbox("POST", "/v1/payments/" + ref + "/pay", "{\"outcome\": \"" + outcome + "\"}");
        if (paid.status() != 200) {
            throw new IllegalStateException("the sandbox refused the payment: " + paid);
        }
    }

    static Api.Response sandbox(String method, String path, String body) {
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
}
