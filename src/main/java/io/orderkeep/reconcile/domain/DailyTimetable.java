package io.orderkeep.reconcile.domain;

import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * When a provider's daily file is due: the previous day's file, once the provider's local clock has reached the
 * configured hour, unless that day (or a later one) was already fetched.
 */
public final class DailyTimetable {

    private DailyTimetable() {}

    /**
     * @param now the time in the provider's zone
     * @param hour 0–23, the local hour from which yesterday's file is fetched
     * @param lastFetched the last day fetched, or null
     * @return the day to fetch now, or null when nothing is due
     */
    public static LocalDate due(ZonedDateTime now, int hour, LocalDate lastFetched) {
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("hour must be 0–23, was " + hour);
        }
        LocalDate yesterday = now.toLocalDate().minusDays(1);
        if (now.getHour() < hour || lastFetched != null && !lastFetched.isBefore(yesterday)) {
            return null;
        }
        return yesterday;
    }
}
