package io.orderkeep.delivery.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.delivery.domain.RetryPolicy.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The retry rules, without a database. */
class RetryPolicyTest {

    static final Instant NOW = Instant.parse("2026-11-22T08:30:00Z");
    final RetryPolicy policy = new RetryPolicy(List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5)), 0.1);

    @Test
    void onlyA2xxIsDeliveredAnd410IsGone() {
        assertThat(policy.after(204, null, 1, NOW, () -> 0)).isInstanceOf(Verdict.Delivered.class);
        assertThat(policy.after(410, null, 1, NOW, () -> 0)).isInstanceOf(Verdict.Gone.class);
        assertThat(policy.after(302, null, 1, NOW, () -> 0)).isInstanceOf(Verdict.RetryAt.class);
    }

    @Test
    void theNextDelayComesFromTheScheduleWithAtMostTheJitter() {
        assertThat(policy.after(500, null, 1, NOW, () -> 0)).isEqualTo(new Verdict.RetryAt(NOW.plusSeconds(5)));
        assertThat(policy.after(null, null, 2, NOW, () -> 1)).isEqualTo(new Verdict.RetryAt(NOW.plusSeconds(330)));
    }

    @Test
    void afterTheLastScheduledAttemptTheDeliveryIsDead() {
        assertThat(policy.after(500, null, 3, NOW, () -> 0)).isInstanceOf(Verdict.Dead.class);
        assertThat(policy.after(429, "1", 3, NOW, () -> 0)).isInstanceOf(Verdict.Dead.class);
    }

    @Test
    void retryAfterIsHonouredOn429And503AsSecondsOrDateAndCapped() {
        assertThat(policy.after(429, "120", 1, NOW, () -> 0)).isEqualTo(new Verdict.RetryAt(NOW.plusSeconds(120)));
        assertThat(policy.after(503, "Sun, 22 Nov 2026 08:40:00 GMT", 1, NOW, () -> 0))
                .isEqualTo(new Verdict.RetryAt(NOW.plusSeconds(600)));
        assertThat(policy.after(503, "9999999", 1, NOW, () -> 0)).isEqualTo(new Verdict.RetryAt(NOW.plus(Duration.ofHours(24))));
        assertThat(policy.after(500, "120", 1, NOW, () -> 0)).as("only 429 and 503 ask to wait")
                .isEqualTo(new Verdict.RetryAt(NOW.plusSeconds(5)));
        assertThat(policy.after(429, "soon", 1, NOW, () -> 0)).isEqualTo(new Verdict.RetryAt(NOW.plusSeconds(5)));
    }
}
