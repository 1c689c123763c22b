package io.orderkeep.ops;

import static io.orderkeep.order.OrderFixtures.key;
import static io.orderkeep.order.OrderFixtures.newMerchant;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.support.Api;
import io.orderkeep.support.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/ops/notification-lag}: per provider, how late notifications came over a recent window. */
@OpsTest
class NotificationLagHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;

    @Test
    void answersCountAndPercentilesOfTheWindowPerProvider() {
        // Earlier tests' notifications are pushed out of any window.
        clock.advance(Duration.ofDays(8));
        SignedNotifications.post(port, clock, SignedNotifications.event(clock.instant().minusSeconds(30)));
        clock.advance(Duration.ofMinutes(10));
        for (int lagSeconds : new int[] {1, 4, 10}) {
            var event = SignedNotifications.event(clock.instant().minusSeconds(lagSeconds));
            assertThat(SignedNotifications.post(port, clock, event).status()).isEqualTo(204);
        }
        // A provider whose clock runs ahead shows a lag of zero, not a negative one.
        SignedNotifications.post(port, clock, SignedNotifications.event(clock.instant().plusSeconds(2)));

        JsonNode hour = sandbox(Api.at(port).asAdmin().get("/api/v1/ops/notification-lag").json());
        assertThat(hour.path("count").asLong()).isEqualTo(5);
        assertThat(hour.path("p50Seconds").asDouble()).isEqualTo(4.0);
        assertThat(hour.path("p99Seconds").asDouble()).isEqualTo(30.0);
        assertThat(hour.path("maxSeconds").asDouble()).isEqualTo(30.0);

        var fiveMinutes = Api.at(port).asAdmin().get("/api/v1/ops/notification-lag?window=PT5M");
        assertThat(fiveMinutes.json().path("window").asString()).isEqualTo("PT5M");
        JsonNode recent = sandbox(fiveMinutes.json());
        assertThat(recent.path("count").asLong()).isEqualTo(4);
        assertThat(recent.path("p50Seconds").asDouble()).isEqualTo(1.0);
        assertThat(recent.path("p99Seconds").asDouble()).isEqualTo(10.0);

        clock.advance(Duration.ofHours(2));
        JsonNode quiet = sandbox(Api.at(port).asAdmin().get("/api/v1/ops/notification-lag").json());
        assertThat(quiet.path("count").asLong()).isZero();
        assertThat(quiet.path("p99Seconds").isNull()).isTrue();
    }

    @Test
    void operatorsAndAuditorsMayReadItMerchantsMayNotAndTheWindowIsChecked() {
        Api api = Api.at(port);
        assertThat(api.as(key(api, "auditor", null)).get("/api/v1/ops/notification-lag").status()).isEqualTo(200);
        assertThat(api.as(key(api, "operator", null)).get("/api/v1/ops/notification-lag").status()).isEqualTo(200);
        assertThat(api.as(key(api, "merchant", newMerchant(api))).get("/api/v1/ops/notification-lag").code())
                .isEqualTo("forbidden");
        assertThat(api.get("/api/v1/ops/notification-lag").code()).isEqualTo("unauthenticated");
        for (String bad : new String[] {"PT10S", "P30D", "an hour"}) {
            var response = api.asAdmin().get("/api/v1/ops/notification-lag?window=" + bad.replace(" ", "%20"));
            assertThat(response.code()).as(bad).isEqualTo("validation_failed");
            assertThat(response.body()).contains("window");
        }
    }

    private static JsonNode sandbox(JsonNode body) {
        for (JsonNode row : body.path("data")) {
            if (row.path("provider").asString().equals("sandbox")) {
                return row;
            }
        }
        throw new AssertionError("no sandbox row in " + body);
    }
}
