package io.orderkeep.ops;

import static io.orderkeep.order.OrderFixtures.created;
import static io.orderkeep.order.OrderFixtures.newMerchant;
import static io.orderkeep.order.OrderFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.ops.metrics.BusinessMetrics;
import io.orderkeep.support.Api;
import io.orderkeep.support.MutableClock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code /actuator/prometheus} after a scripted scenario shows the business figures it made. */
@OpsTest
class BusinessMetricsHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    BusinessMetrics metrics;

    @Test
    void scrapeShowsUnreturnedHopsOrdersRejectionsAndReplays() {
        Api admin = Api.at(port).asAdmin();
        // Whatever earlier tests left is pushed past a day old, so the fresh bucket holds only this scenario.
        clock.advance(Duration.ofDays(2));
        metrics.refresh();
        String before = scrape();
        String merchant = newMerchant(Api.at(port));
        String endpoint = admin.post("/api/v1/webhook-endpoints", Map.of("merchantId", merchant,
                "url", "http://127.0.0.1:9/hook", "events", java.util.List.of("*"))).json().path("id").asString();
        for (int i = 0; i < 3; i++) {
            created(admin, withProvider(order(merchant), "hopper"));
        }
        String key = UUID.randomUUID().toString();
        var body = withProvider(order(merchant), "hopper");
        var first = admin.header("Idempotency-Key", key).post("/api/v1/orders", body);
        var replay = admin.header("Idempotency-Key", key).post("/api/v1/orders", body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.headers().get("Idempotent-Replayed")).isNotNull();
        var broken = order(merchant);
        broken.put("currency", "XX");
        assertThat(admin.header("Idempotency-Key", UUID.randomUUID().toString()).post("/api/v1/orders", broken)
                .code()).isEqualTo("validation_failed");
        assertThat(Api.at(port).as("ok_0000000000000000").get("/api/v1/orders").code()).isEqualTo("unauthenticated");
        clock.advance(Duration.ofMinutes(20));
        metrics.refresh();

        String after = scrape();
        assertThat(value(after, "orderkeep_hops_unreturned", "age=\"5m_1h\",hop=\"payment\"")).isEqualTo(4);
        assertThat(value(after, "orderkeep_orders", "status=\"PENDING_PAYMENT\"")
                - value(before, "orderkeep_orders", "status=\"PENDING_PAYMENT\"")).isGreaterThanOrEqualTo(4);
        assertThat(value(after, "orderkeep_orders_unreturned", "") - value(before, "orderkeep_orders_unreturned", ""))
                .isGreaterThanOrEqualTo(4);
        assertThat(delta(before, after, "orderkeep_rejected_inputs_total", "code=\"validation_failed\",status=\"400\""))
                .isEqualTo(1);
        assertThat(delta(before, after, "orderkeep_rejected_inputs_total", "code=\"unauthenticated\",status=\"401\""))
                .isEqualTo(1);
        assertThat(delta(before, after, "orderkeep_idempotent_replays_total", "")).isEqualTo(1);
        String ofEndpoint = "endpoint=\"" + endpoint + "\"";
        assertThat(value(after, "orderkeep_delivery_backlog", ofEndpoint)).isGreaterThanOrEqualTo(4);
        assertThat(after).contains("orderkeep_delivery_dead_letters{" + ofEndpoint + "} 0.0",
                "orderkeep_delivery_attempts{" + ofEndpoint + "} 0.0");
        assertThat(after).contains("orderkeep_watch_outcomes{", "orderkeep_delivery_endpoints_disabled ",
                "orderkeep_watch_oldest_due_seconds ", "orderkeep_delivery_oldest_due_seconds ");
    }

    private static Map<String, Object> withProvider(Map<String, Object> order, String provider) {
        order.put("payment", Map.of("provider", provider));
        return order;
    }

    private String scrape() {
        var response = Api.at(port).get("/actuator/prometheus");
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    private static double delta(String before, String after, String name, String labels) {
        return value(after, name, labels) - value(before, name, labels);
    }

    /** The sample's value; labels are Prometheus's sorted {@code k="v"} pairs, empty for none; 0 when absent. */
    static double value(String scrape, String name, String labels) {
        String series = labels.isEmpty() ? name : name + "{" + labels;
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + "(?:,[^}]*)?}?\\s+(\\S+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
