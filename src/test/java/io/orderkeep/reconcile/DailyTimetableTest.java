package io.orderkeep.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderkeep.reconcile.domain.DailyTimetable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class DailyTimetableTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static ZonedDateTime at(int day, int hour) {
        return ZonedDateTime.of(2026, 11, day, hour, 30, 0, 0, SHANGHAI);
    }

    @Test
    void nothingIsDueBeforeTheConfiguredHour() {
        assertThat(DailyTimetable.due(at(22, 5), 6, null)).isNull();
    }

    @Test
    void fromTheHourOnYesterdaysFileIsDueOnce() {
        assertThat(DailyTimetable.due(at(22, 6), 6, null)).isEqualTo(LocalDate.of(2026, 11, 21));
        assertThat(DailyTimetable.due(at(22, 23), 6, LocalDate.of(2026, 11, 20))).isEqualTo(LocalDate.of(2026, 11, 21));
        assertThat(DailyTimetable.due(at(22, 23), 6, LocalDate.of(2026, 11, 21))).isNull();
        assertThat(DailyTimetable.due(at(23, 6), 6, LocalDate.of(2026, 11, 21))).isEqualTo(LocalDate.of(2026, 11, 22));
    }

    @Test
    void theDayIsTheProvidersLocalDay() {
        var utcLateEvening = ZonedDateTime.of(2026, 11, 21, 23, 0, 0, 0, ZoneId.of("UTC"));
        assertThat(DailyTimetable.due(utcLateEvening.withZoneSameInstant(SHANGHAI), 6, null))
                .isEqualTo(LocalDate.of(2026, 11, 21));
    }

    @Test
    void anHourOutsideTheDayIsRefused() {
        assertThatThrownBy(() -> DailyTimetable.due(at(22, 6), 24, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
