package io.orderkeep.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderkeep.order.OrderTestConfig;
import io.orderkeep.reconcile.internal.RunService;
import io.orderkeep.support.Api;
import io.orderkeep.support.DatabaseTest;
import io.orderkeep.support.MutableClock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@DatabaseTest
@Import(OrderTestConfig.class)
class ResumeHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RunService runs;
    @Autowired
    MutableClock clock;

    record World(ReconcileWorld world, List<String> repaired) {}

    /** 12 matched payments, 4 repairable orders, the 12 payments listed again, one settled payment unlisted. */
    World plant(LocalDate day) {
        Api admin = Api.at(port).asAdmin();
        var world = new ReconcileWorld(admin, jdbc, day);
        for (int i = 0; i < 12; i++) {
            world.order(world.id("pay_m" + i), "SUCCEEDED", world.id("ref_m" + i), world.at(i));
            world.payment(world.id("ref_m" + i), world.id("ref_m" + i), world.id("pay_m" + i), 2500, world.at(i));
        }
        List<String> repaired = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            repaired.add(world.order(world.id("pay_r" + i), "PENDING", null, world.at(20 + i)));
            world.payment(world.id("ref_r" + i), world.id("ref_r" + i), world.id("pay_r" + i), 2500, world.at(20 + i));
        }
        for (int i = 0; i < 12; i++) {
            world.payment(world.id("ref_m" + i), world.id("ref_m" + i), world.id("pay_m" + i), 2500, world.at(i));
        }
        world.order(world.id("pay_gone"), "SUCCEEDED", world.id("ref_gone"), world.at(40));
        return new World(world, repaired);
    }

    static String sha256(String file) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(file.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode get(String runId) {
        return Api.at(port).asAdmin().get("/api/v1/reconciliations/" + runId).json();
    }

    @Test
    void aRunStoppedHalfwayResumesToTheSameResultAsOneNeverInterrupted() {
        var straight = plant(LocalDate.of(2021, 4, 1));
        String straightId = straight.world().upload(Api.at(port).asAdmin(), false).json().path("id").asString();
        JsonNode expected = await().atMost(Duration.ofSeconds(30)).until(() -> get(straightId),
                run -> "COMPLETED".equals(run.path("status").asString()));

        var interrupted = plant(LocalDate.of(2021, 4, 2));
        runs.stopRunOfFileAfter(sha256(interrupted.world().file()), 14);
        String runId = interrupted.world().upload(Api.at(port).asAdmin(), false).json().path("id").asString();
        JsonNode halfway = await().atMost(Duration.ofSeconds(30)).until(() -> get(runId),
                run -> run.path("progress").path("rowsRead").asLong() == 14);
        assertThat(halfway.path("status").asString()).isEqualTo("RUNNING");
        assertThat(halfway.path("progress").path("rowsTotal").asLong()).isEqualTo(28);

        clock.advance(Duration.ofMinutes(3));
        runs.resumeAbandoned();
        JsonNode resumed = await().atMost(Duration.ofSeconds(30)).until(() -> get(runId),
                run -> "COMPLETED".equals(run.path("status").asString()));

        assertThat(resumed.path("counts")).isEqualTo(expected.path("counts"));
        assertThat(resumed.path("counts").path("MATCHED").asLong()).isEqualTo(12);
        assertThat(resumed.path("counts").path("DUPLICATE_PAYMENT").asLong()).isEqualTo(12);
        assertThat(resumed.path("counts").path("MISSING_LOCAL").asLong()).isEqualTo(4);
        assertThat(resumed.path("counts").path("MISSING_AT_PROVIDER").asLong()).isEqualTo(1);
        assertThat(resumed.path("repaired").asLong()).isEqualTo(expected.path("repaired").asLong()).isEqualTo(4);
        assertThat(resumed.path("progress").path("rowsRead").asLong()).isEqualTo(28);
        for (String orderId : interrupted.repaired()) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM order_history WHERE order_id = ? AND type = 'order.paid'")
                    .param(orderId).query(Long.class).single()).as("paid once: %s", orderId).isEqualTo(1);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM reconciliation_rows WHERE run_id = ?").param(runId)
                .query(Long.class).single()).isEqualTo(29);
    }
}
