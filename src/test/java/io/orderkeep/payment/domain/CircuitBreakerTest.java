package io.orderkeep.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    Instant now = Instant.parse("2026-11-22T08:00:00Z");
    final Clock clock = new Clock() {
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    };
    final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(30), clock);

    @Test
    void opensAfterFailuresInARowAndLetsCallsThroughAfterTheCoolDown() {
        breaker.failed();
        breaker.failed();
        assertThat(breaker.allows()).isTrue();
        breaker.failed();
        assertThat(breaker.allows()).isFalse();
        assertThat(breaker.retryAt()).isEqualTo(now.plusSeconds(30));
        now = now.plusSeconds(30);
        assertThat(breaker.allows()).isTrue();
    }

    @Test
    void oneFailureWhileHalfOpenOpensItAgainAndOneSuccessClosesIt() {
        for (int i = 0; i < 3; i++) {
            breaker.failed();
        }
        now = now.plusSeconds(31);
        breaker.failed();
        assertThat(breaker.allows()).isFalse();
        now = now.plusSeconds(31);
        breaker.succeeded();
        breaker.failed();
        assertThat(breaker.allows()).isTrue();
    }

    @Test
    void successResetsTheCount() {
        breaker.failed();
        breaker.failed();
        breaker.succeeded();
        breaker.failed();
        breaker.failed();
        assertThat(breaker.allows()).isTrue();
    }
}
