package io.orderkeep.ops;

import static io.orderkeep.order.OrderFixtures.created;
import static io.orderkeep.order.OrderFixtures.newMerchant;
import static io.orderkeep.order.OrderFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.ops.metrics.BusinessMetrics;
import io.orderkeep.order.Change;
import io.orderkeep.order.OrderLifecycle;
import io.orderkeep.order.domain.OrderCommand;
import io.orderkeep.reconcile.Reconciliations;
import io.orderkeep.reconcile.RunSummary;
import io.orderkeep.support.Api;
import io.orderkeep.support.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code /actuator/prometheus} after a scripted scenario shows the business figures it made. */
@OpsTest
class BusinessMetricsHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    BusinessMetrics metrics;
    @Autowired
    Reconciliations reconciliations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrderLifecycle lifecycle;

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
        // The watch's two outcomes, as it records them through the order module: a query found one order paid
        // (a status change with source "query"), and another order's result stayed unknown after every query.
        String foundByQuery = created(admin, withProvider(order(merchant), "hopper"));
        lifecycle.apply(foundByQuery, new OrderCommand.MarkPaid(), new Change("system", "query",
                "the provider's answer to a query", Map.of()));
        String escalated = created(admin, withProvider(order(merchant), "hopper"));
        lifecycle.flagNeedsAttention(escalated, new Change("system", "watch", "result unknown after every query",
                Map.of()));
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

        // One delivery the dispatcher gave up on after 10 attempts (its retry schedule is the delivery module's test).
        jdbc.sql("""
                UPDATE webhook_deliveries SET status = 'DEAD', attempts = 10 WHERE id = (SELECT MIN(id)
                FROM webhook_deliveries WHERE endpoint_id = ? AND order_id = ?)""").params(endpoint, escalated).update();
        metrics.refresh();

        String after = scrape();
        // Six hopper orders; the payment hop is the payment module's to return, so marking an order paid through the
        // order module alone leaves it open.
        assertThat(value(after, "orderkeep_hops_unreturned", "age=\"5m_1h\",hop=\"payment\"")).isEqualTo(6);
        assertThat(delta(before, after, "orderkeep_watch_outcomes", "outcome=\"resolved_by_query\"")).isEqualTo(1);
        assertThat(delta(before, after, "orderkeep_watch_outcomes", "outcome=\"escalated\"")).isEqualTo(1);
        assertThat(delta(before, after, "orderkeep_orders", "status=\"PENDING_PAYMENT\"")).isGreaterThanOrEqualTo(5);
        assertThat(value(after, "orderkeep_orders_unreturned", "") - value(before, "orderkeep_orders_unreturned", ""))
                .isGreaterThanOrEqualTo(4);
        assertThat(delta(before, after, "orderkeep_rejected_inputs_total", "code=\"validation_failed\",status=\"400\""))
                .isEqualTo(1);
        assertThat(delta(before, after, "orderkeep_rejected_inputs_total", "code=\"unauthenticated\",status=\"401\""))
                .isEqualTo(1);
        assertThat(delta(before, after, "orderkeep_idempotent_replays_total", "")).isEqualTo(1);
        String ofEndpoint = "endpoint=\"" + endpoint + "\"";
        assertThat(value(after, "orderkeep_delivery_backlog", ofEndpoint)).isGreaterThanOrEqualTo(4);
        assertThat(value(after, "orderkeep_delivery_dead_letters", ofEndpoint)).isEqualTo(1);
        assertThat(value(after, "orderkeep_delivery_attempts", ofEndpoint)).isEqualTo(10);
        assertThat(after).contains("orderkeep_delivery_endpoints_disabled ",
                "orderkeep_watch_oldest_due_seconds ", "orderkeep_delivery_oldest_due_seconds ");
    }

    @Test
    void scrapeShowsNotificationLagPerProviderAndReconciliationCounts() throws IOException {
        Api admin = Api.at(port).asAdmin();
        metrics.refresh();
        String before = scrape();

        // Two notifications signed as the sandbox signs them, 3 s and 5 s after their events; a duplicate of the
        // second is not a new sample. (Their payments are unknown here: kept as orphans, yet received.)
        String late = SignedNotifications.event(clock.instant().minusSeconds(5));
        String early = SignedNotifications.event(clock.instant().minusSeconds(3));
        assertThat(SignedNotifications.post(port, clock, early).status()).isEqualTo(204);
        assertThat(SignedNotifications.post(port, clock, late).status()).isEqualTo(204);
        assertThat(SignedNotifications.post(port, clock, late).status()).isEqualTo(204);

        // A settlement file: one payment for an open order (repaired by the run), two payments no order holds
        // (one repaired by an operator, one dismissed) and a malformed row (left for review).
        String merchant = newMerchant(Api.at(port));
        String orderId = created(admin, withProvider(order(merchant), "hopper"));
        String attempt = "pay_m" + UUID.randomUUID().toString().replace("-", "");
        LocalDate day = LocalDate.of(2026, 3, 10);
        Instant noon = day.atTime(12, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
        jdbc.sql("""
                INSERT INTO payment_attempts (id, order_id, provider, number, status, amount, currency, provider_ref,
                    opened_at, due_at, expires_at, updated_at) VALUES (?, ?, 'sandbox', 1, 'PENDING', 2500, 'CNY', ?, ?,
                    NULL, ?, ?)""")
                .params(attempt, orderId, "sp_" + attempt, noon.toEpochMilli(), noon.toEpochMilli() + 1_800_000,
                        noon.toEpochMilli()).update();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Path file = Files.createTempFile("settlement", ".csv");
        Files.writeString(file, String.join("\n",
                "transaction_id,provider_ref,out_trade_no,type,status,amount,currency,fee,occurred_at",
                settled("tx1_" + tag, "sp_" + attempt, attempt, noon),
                settled("tx2_" + tag, "sp_x2_" + tag, "pay_x2_" + tag, noon),
                settled("tx3_" + tag, "sp_x3_" + tag, "pay_x3_" + tag, noon),
                "tx4_" + tag + ",sp_x4,pay_x4,PAYMENT,SUCCESS,twelve,CNY,0," + noon) + "\n");
        RunSummary run = reconciliations.submit("sandbox", file, day, false, "test", true,
                Reconciliations.Progress.NONE);
        assertThat(run.status()).isEqualTo("COMPLETED");
        assertThat(run.repaired()).isEqualTo(1);
        assertThat(admin.get("/api/v1/orders/" + orderId).json().path("status").asString()).isEqualTo("PAID");
        List<String> waiting = admin.get("/api/v1/reconciliations/" + run.id() + "/discrepancies?kind=MISSING_LOCAL"
                + "&resolution=NEEDS_REVIEW").json().path("data").valueStream().map(d -> d.path("id").asString()).toList();
        assertThat(waiting).hasSize(2);
        assertThat(admin.post("/api/v1/discrepancies/" + waiting.get(0) + "/resolve",
                Map.of("action", "REPAIR", "reason", "paid by bank transfer, booked by hand")).status()).isEqualTo(200);
        assertThat(admin.post("/api/v1/discrepancies/" + waiting.get(1) + "/resolve",
                Map.of("action", "IGNORE", "reason", "test payment")).status()).isEqualTo(200);
        metrics.refresh();

        String after = scrape();
        String sandbox = "provider=\"sandbox\"";
        assertThat(delta(before, after, "orderkeep_notification_lag_seconds_count", sandbox)).isEqualTo(2);
        assertThat(delta(before, after, "orderkeep_notification_lag_seconds_sum", sandbox)).isEqualTo(8.0);
        assertThat(delta(before, after, "orderkeep_notification_lag_seconds_bucket", sandbox + ",le=\"2.0\"")).isZero();
        assertThat(delta(before, after, "orderkeep_notification_lag_seconds_bucket", sandbox + ",le=\"5.0\""))
                .isEqualTo(2);
        assertThat(delta(before, after, "orderkeep_reconciliation_runs", "status=\"COMPLETED\"")).isEqualTo(1);
        assertThat(delta(before, after, "orderkeep_reconciliation_rows", "kind=\"MISSING_LOCAL\"")).isEqualTo(3);
        assertThat(delta(before, after, "orderkeep_reconciliation_rows", "kind=\"INVALID_ROW\"")).isEqualTo(1);
        assertThat(delta(before, after, "orderkeep_reconciliation_rows", "kind=\"MATCHED\"")).isZero();
        assertThat(delta(before, after, "orderkeep_reconciliation_discrepancies", "state=\"needs_review\""))
                .isEqualTo(1);
        assertThat(delta(before, after, "orderkeep_reconciliation_discrepancies", "state=\"resolved\"")).isEqualTo(3);
        assertThat(delta(before, after, "orderkeep_reconciliation_repairs", "by=\"reconciliation\"")).isEqualTo(1);
        assertThat(delta(before, after, "orderkeep_reconciliation_repairs", "by=\"operator\"")).isEqualTo(1);
        assertThat(after).contains("orderkeep_reconciliation_runs{status=\"FAILED\"}",
                "orderkeep_reconciliation_rows{kind=\"DUPLICATE_PAYMENT\"}");
    }

    private static String settled(String txId, String providerRef, String outTradeNo, Instant at) {
        return String.join(",", txId, providerRef, outTradeNo, "PAYMENT", "SUCCESS", "2500", "CNY", "0", at.toString());
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

    /**
     * How much a series grew between two scrapes. It must be in {@code after}; a series absent {@code before} counts
     * from 0 there (a counter's series appears with its first increment).
     */
    private static double delta(String before, String after, String name, String labels) {
        return value(after, name, labels) - find(before, name, labels).orElse(0.0);
    }

    /** The sample's value; labels are the {@code k="v"} pairs in the scrape's order, empty for none. Fails if absent. */
    static double value(String scrape, String name, String labels) {
        return find(scrape, name, labels).orElseThrow(() -> new AssertionError("no series " + name + "{" + labels
                + "} in the scrape"));
    }

    private static java.util.Optional<Double> find(String scrape, String name, String labels) {
        String series = labels.isEmpty() ? name : name + "{" + labels;
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + "(?:,[^}]*)?}?\\s+(\\S+)$").matcher(scrape);
        return m.find() ? java.util.Optional.of(Double.parseDouble(m.group(1))) : java.util.Optional.empty();
    }
}
