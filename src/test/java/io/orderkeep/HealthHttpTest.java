package io.orderkeep;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.support.Api;
import io.orderkeep.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@DatabaseTest
class HealthHttpTest {

    @LocalServerPort
    int port;

    @Test
    void reportsUpWithLivenessAndReadiness() {
        var api = Api.at(port);
        assertThat(api.get("/actuator/health").json().path("status").asString()).isEqualTo("UP");
        assertThat(api.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void unknownPathIsProblemJson() {
        var response = Api.at(port).asAdmin().get("/api/v1/nothing-here");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("not_found");
    }
}
