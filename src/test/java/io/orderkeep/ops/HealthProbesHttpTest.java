package io.orderkeep.ops;

import static io.orderkeep.order.OrderFixtures.created;
import static io.orderkeep.order.OrderFixtures.newMerchant;
import static io.orderkeep.order.OrderFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.ops.metrics.BusinessMetrics;
import io.orderkeep.support.Api;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Liveness stays up; readiness follows the database, the migrations and the webhook backlog (limit 3 here). */
@OpsTest
class HealthProbesHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    BusinessMetrics metrics;
    @Autowired
    JdbcClient jdbc;

    @Test
    void readinessFailsWhileTheBacklogIsOverItsLimitAndRecovers() {
        Api admin = Api.at(port).asAdmin();
        String merchant = newMerchant(Api.at(port));
        admin.post("/api/v1/webhook-endpoints", Map.of("merchantId", merchant, "url", "http://127.0.0.1:9/hook",
                "events", List.of("*")));
        for (int i = 0; i < 4; i++) {
            created(admin, order(merchant));
        }
        metrics.refresh();
        assertThat(Api.at(port).get("/actuator/health/readiness").status()).isEqualTo(503);
        assertThat(Api.at(port).get("/actuator/health/liveness").status()).isEqualTo(200);

        // What an operator would do: the deliveries are sent (here: marked so, the dispatcher being off).
        jdbc.sql("UPDATE webhook_deliveries SET status = 'DELIVERED' WHERE status IN ('PENDING', 'RETRYING')").update();
        metrics.refresh();
        var ready = Api.at(port).get("/actuator/health/readiness");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().path("status").asString()).isEqualTo("UP");
    }

    @Test
    void readinessFailsWhileTheDatabaseIsUnreachableAndLivenessStaysUp() {
        // Whatever other classes left waiting in this shared context, the backlog is not what is tested here.
        jdbc.sql("UPDATE webhook_deliveries SET status = 'DELIVERED' WHERE status IN ('PENDING', 'RETRYING')").update();
        metrics.refresh();
        assertThat(Api.at(port).get("/actuator/health/readiness").status()).isEqualTo(200);
        DatabaseSwitch.whileUnreachable(() -> {
            var readiness = Api.at(port).get("/actuator/health/readiness");
            assertThat(readiness.status()).as(readiness.toString()).isEqualTo(503);
            assertThat(readiness.json().path("status").asString()).isEqualTo("DOWN");
            assertThat(Api.at(port).get("/actuator/health/liveness").status()).isEqualTo(200);
        });
        metrics.refresh();
        assertThat(Api.at(port).get("/actuator/health/readiness").status()).isEqualTo(200);
    }
}
