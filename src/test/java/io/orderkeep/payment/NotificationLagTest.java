package io.orderkeep.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NotificationLagTest {

    @Test
    void percentilesAreNearestRank() {
        List<Duration> hundred = IntStream.rangeClosed(1, 100).mapToObj(Duration::ofSeconds).toList();
        NotificationLag lag = NotificationLag.of("sandbox", hundred);
        assertThat(lag.count()).isEqualTo(100);
        assertThat(lag.p50()).isEqualTo(Duration.ofSeconds(50));
        assertThat(lag.p99()).isEqualTo(Duration.ofSeconds(99));
        assertThat(lag.max()).isEqualTo(Duration.ofSeconds(100));

        NotificationLag one = NotificationLag.of("sandbox", List.of(Duration.ofMillis(250)));
        assertThat(List.of(one.p50(), one.p99(), one.max())).containsOnly(Duration.ofMillis(250));
        assertThatThrownBy(() -> NotificationLag.of("sandbox", List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lagRunsFromTheProvidersEventTimeToOurReceiptAndIsNeverNegative() {
        Instant received = Instant.parse("2026-11-25T05:00:00Z");
        assertThat(new NotificationAccepted("sandbox", "evt_1", "pay_1", received.minusMillis(1500), received).lag())
                .contains(Duration.ofMillis(1500));
        assertThat(new NotificationAccepted("sandbox", "evt_2", "pay_1", received.plusSeconds(3), received).lag())
                .contains(Duration.ZERO);
        assertThat(new NotificationAccepted("sandbox", "evt_3", "pay_1", null, received).lag()).isEmpty();
    }
}
