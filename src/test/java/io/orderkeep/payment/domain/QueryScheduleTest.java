package io.orderkeep.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryScheduleTest {

    final Instant opened = Instant.parse("2026-11-22T08:00:00Z");
    final QuerySchedule schedule = new QuerySchedule(List.of(Duration.ofSeconds(30), Duration.ofMinutes(1),
            Duration.ofMinutes(2), Duration.ofHours(24)));

    @Test
    void firstQueryIsTheFirstOffsetAfterOpening() {
        assertThat(schedule.first(opened)).isEqualTo(opened.plusSeconds(30));
    }

    @Test
    void nextQueryIsTheNextOffsetAfterNow() {
        assertThat(schedule.next(opened, opened.plusSeconds(30))).contains(opened.plusSeconds(60));
    }

    @Test
    void stepsAlreadyPastAreSkippedNotReplayed() {
        assertThat(schedule.next(opened, opened.plus(Duration.ofHours(1)))).contains(opened.plus(Duration.ofHours(24)));
    }

    @Test
    void scheduleIsExhaustedAfterItsLastStep() {
        assertThat(schedule.next(opened, opened.plus(Duration.ofHours(24)))).isEmpty();
    }
}
