package io.orderkeep.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderkeep.payment.PaymentWorld;
import io.orderkeep.reconcile.internal.DailySchedule;
import io.orderkeep.support.Api;
import io.orderkeep.support.DatabaseTest;
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
