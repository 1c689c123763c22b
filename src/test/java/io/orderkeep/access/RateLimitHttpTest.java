package io.orderkeep.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.support.Api;
import io.orderkeep.support.DatabaseTest;
import io.orderkeep.support.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/** Every client here is 127.0.0.1: each test starts an hour later, when every bucket is full again. */
@DatabaseTest
@Import(MutableClock.Config.class)
@TestPropertySource(properties = {
        "orderkeep.rate-limit.key.per-second=2", "orderkeep.rate-limit.key.burst=5",
        "orderkeep.rate-limit.address.per-second=10", "orderkeep.rate-limit.address.burst=30"})
class RateLimitHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    ApiKeys keys;

    Api api;

    @BeforeEach
    void setUp() {
        clock.advance(Duration.ofHours(1));
        api = Api.at(port);
    }

    String newAuditorKey() {
        return keys.create(io.orderkeep.platform.Role.AUDITOR, null, "rate test", "test").secret();
    }

    @Test
    void keyOverItsLimitGets429WithRetryAfterAndOtherKeysAreUnaffected() {
        String busy = newAuditorKey();
        String quiet = newAuditorKey();
        for (int i = 0; i < 5; i++) {
            assertThat(api.as(busy).get("/api/v1/merchants").status()).isEqualTo(200);
        }
        var refused = api.as(busy).get("/api/v1/merchants");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("rate_limited");
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.header("Retry-After")).isEqualTo("1");

        assertThat(api.as(quiet).get("/api/v1/merchants").status()).isEqualTo(200);
    }

    @Test
    void movingTheClockRefillsTheBucket() {
        String key = newAuditorKey();
        for (int i = 0; i < 5; i++) {
            api.as(key).get("/api/v1/merchants");
        }
        assertThat(api.as(key).get("/api/v1/merchants").status()).isEqualTo(429);
        clock.advance(Duration.ofMillis(500));
        assertThat(api.as(key).get("/api/v1/merchants").status()).isEqualTo(200);
        assertThat(api.as(key).get("/api/v1/merchants").status()).isEqualTo(429);
        clock.advance(Duration.ofSeconds(10));
        for (int i = 0; i < 5; i++) {
            assertThat(api.as(key).get("/api/v1/merchants").status()).isEqualTo(200);
        }
    }

    @Test
    void floodOfBadKeysFromOneAddressIsRefusedBeforeTheKeyLookup() {
        var statuses = new ArrayList<Integer>();
        for (int i = 0; i < 60; i++) {
            statuses.add(api.as("ok_guess_" + i).get("/api/v1/keys").status());
        }
        assertThat(statuses.subList(0, 30)).containsOnly(401);
        assertThat(statuses.subList(30, 60)).containsOnly(429);
        // The address is refused whatever it presents, until its bucket refills.
        String good = newAuditorKey();
        var refused = api.as(good).get("/api/v1/merchants");
        assertThat(refused.code()).isEqualTo("rate_limited");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 2);
        clock.advance(Duration.ofSeconds(1));
        assertThat(api.as(good).get("/api/v1/merchants").status()).isEqualTo(200);
    }

    @Test
    void providerNotificationsAreLimitedByAddressOnly() {
        var statuses = new ArrayList<Integer>();
        for (int i = 0; i < 31; i++) {
            statuses.add(api.post("/api/v1/providers/sandbox/notify", Map.of("eventId", "e" + i)).status());
        }
        // Unsigned notifications are refused by the payments module (401 invalid_signature), never rate limited.
        assertThat(statuses.subList(0, 30)).doesNotContain(429);
        assertThat(statuses.get(30)).isEqualTo(429);
    }

    @Test
    void pathsOutsideTheApiAreNotLimited() {
        for (int i = 0; i < 40; i++) {
            assertThat(api.get("/actuator/health").status()).isEqualTo(200);
        }
    }
}
