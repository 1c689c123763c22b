package io.orderkeep.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.support.Api;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Short steps for delivery tests: merchants with keys, endpoints with their secrets, a clean dispatch queue. */
final class DeliveryFixture {

    private final Api api;
    private final JdbcClient jdbc;

    DeliveryFixture(Api api, JdbcClient jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    record Merchant(String id, Api key) {}

    record Endpoint(String id, String secret) {}

    Merchant merchant() {
        String id = "m_" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.asAdmin().post("/api/v1/merchants", Map.of("id", id, "name", "Shop " + id)).status()).isEqualTo(201);
        String key = api.asAdmin().post("/api/v1/keys", Map.of("role", "merchant", "merchantId", id))
                .json().path("key").asString();
        return new Merchant(id, api.as(key));
    }

    Endpoint endpoint(Merchant merchant, String url, List<String> events) {
        var created = merchant.key().post("/api/v1/webhook-endpoints", Map.of("url", url, "events", events));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Endpoint(created.json().path("id").asString(), created.json().path("secret").asString());
    }

    /** Ends every waiting delivery of earlier tests, so a test's dispatch passes only send its own. */
    void cleanSlate() {
        jdbc.sql("UPDATE webhook_deliveries SET status = 'DEAD', last_error = 'test clean slate' "
                + "WHERE status IN ('PENDING', 'RETRYING')").update();
    }

    String deliveryStatus(String eventId, String endpointId) {
        return jdbc.sql("SELECT status FROM webhook_deliveries WHERE event_id = ? AND endpoint_id = ?")
                .params(eventId, endpointId).query(String.class).single();
    }

    String deliveryId(String eventId, String endpointId) {
        return jdbc.sql("SELECT id FROM webhook_deliveries WHERE event_id = ? AND endpoint_id = ?")
                .params(eventId, endpointId).query(String.class).single();
    }
}
