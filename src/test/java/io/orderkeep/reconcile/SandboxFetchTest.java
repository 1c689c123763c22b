package io.orderkeep.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderkeep.payment.PaymentWorld;
import io.orderkeep.sandbox.Faults;
import io.orderkeep.reconcile.internal.DailySchedule;
import io.orderkeep.support.Api;
import io.orderkeep.support.DatabaseTest;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Files fetched from a running sandbox provider: on request, and by the daily schedule. */
@DatabaseTest
@Import(PaymentWorld.Config.class)
class SandboxFetchTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DailySchedule schedule;

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        registry.add("orderkeep.providers.sandbox.url", PaymentWorld.SANDBOX::url);
        registry.add("orderkeep.watch.enabled", () -> "false");
        registry.add("orderkeep.reconcile.schedule.sandbox.hour", () -> "0");
    }

    JsonNode completed(Api admin, String runId) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> admin.get("/api/v1/reconciliations/" + runId).json(),
                run -> !"RUNNING".equals(run.path("status").asString()));
    }

    @Test
    void aDayFetchedFromTheProviderIsReconciled() {
        Api admin = Api.at(port).asAdmin();
        var world = new ReconcileWorld(admin, jdbc, LocalDate.of(2020, 6, 1));
        world.order(world.id("pay_only_here"), "SUCCEEDED", world.id("ref_only_here"), world.at(0));
        var started = admin.post("/api/v1/reconciliations", Map.of("provider", "sandbox", "date", "2020-06-01"));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        JsonNode run = completed(admin, started.json().path("id").asString());
        assertThat(run.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(run.path("progress").path("rowsTotal").asLong()).isZero();
        assertThat(run.path("counts").path("MISSING_AT_PROVIDER").asLong()).isEqualTo(1);
    }

    /**
     * A refund resolution asks the provider outside any transaction. Its answer lost after the money went back
     * (the sandbox's fail-after-charge fault) leaves the discrepancy REFUNDING: nothing but REFUND finishes it, and
     * asking again reuses the same refund id, so the provider refunds once.
     */
    @Test
    void aRefundLostOnTheWayIsAskedAgainAndMadeOnce() {
        Api admin = Api.at(port).asAdmin();
        Api sandbox = Api.at(URI.create(PaymentWorld.SANDBOX.url()).getPort());
        var world = new ReconcileWorld(admin, jdbc, LocalDate.of(2020, 7, 1));
        String outTradeNo = world.id("pay_elsewhere");
        var created = sandbox.post("/v1/payments", Map.of("outTradeNo", outTradeNo, "amount", 1800, "currency", "CNY",
                "notifyUrl", "http://127.0.0.1:9/nowhere"));
        assertThat(created.status()).as(created.toString()).isLessThan(300);
        String ref = created.json().path("providerRef").asString();
        assertThat(sandbox.post("/v1/payments/" + ref + "/pay", Map.of("outcome", "SUCCEEDED")).status()).isEqualTo(200);
        world.payment(world.id("tx_elsewhere"), ref, outTradeNo, 1800, world.at(0));
        JsonNode run = completed(admin, world.upload(admin, false).json().path("id").asString());
        String id = admin.get("/api/v1/reconciliations/" + run.path("id").asString()
                + "/discrepancies?kind=MISSING_LOCAL").json().path("data").get(0).path("id").asString();

        PaymentWorld.SANDBOX.setFaults(new Faults(0, 0, 0, 0, 0, 0, 1.0));
        try {
            var lost = admin.post("/api/v1/discrepancies/" + id + "/resolve",
                    Map.of("action", "REFUND", "reason", "no order holds this money"));
            assertThat(lost.status()).as(lost.toString()).isEqualTo(503);
        } finally {
            PaymentWorld.SANDBOX.setFaults(Faults.NONE);
        }
        assertThat(resolution(id)).isEqualTo("REFUNDING");
        var ignore = admin.post("/api/v1/discrepancies/" + id + "/resolve", Map.of("action", "IGNORE", "reason", "x"));
        assertThat(ignore.status()).isEqualTo(409);

        var again = admin.post("/api/v1/discrepancies/" + id + "/resolve",
                Map.of("action", "REFUND", "reason", "no order holds this money"));
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().path("resolution").asString()).isEqualTo("REFUNDED");
        JsonNode payment = sandbox.get("/v1/payments/" + ref).json();
        assertThat(payment.path("refundedAmount").asLong()).as(payment.toString()).isEqualTo(1800);
        assertThat(payment.path("status").asString()).isEqualTo("REFUNDED");
        var audit = admin.get("/api/v1/audit?targetId=" + id).json().path("data").toString();
        assertThat(audit).contains("discrepancy.refund_requested").contains("discrepancy.resolved");
    }

    private String resolution(String id) {
        return jdbc.sql("SELECT resolution FROM reconciliation_rows WHERE id = ?").param(id).query(String.class).single();
    }

    @Test
    void theScheduleFetchesYesterdaysFileOnce() {
        LocalDate yesterday = LocalDate.ofInstant(PaymentWorld.CLOCK.instant(), ReconcileWorld.SHANGHAI).minusDays(1);
        schedule.tick();
        schedule.tick();
        var runs = jdbc.sql("SELECT id FROM reconciliation_runs WHERE provider = 'sandbox' AND day = ?")
                .param(yesterday.toString()).query(String.class).list();
        assertThat(runs).hasSize(1);
        JsonNode run = completed(Api.at(port).asAdmin(), runs.getFirst());
        assertThat(run.path("status").asString()).isEqualTo("COMPLETED");
    }
}
