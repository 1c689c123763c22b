package io.orderkeep.reconcile.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The span a settlement file covers: one day from midnight to midnight in the provider's time zone, so a payment
 * at 00:30 Shanghai time belongs to that day's file even though it is still the day before in UTC.
 */
public record SettlementWindow(LocalDate day, ZoneId zone, Instant from, Instant until) {

    public static SettlementWindow day(LocalDate day, ZoneId zone) {
        return new SettlementWindow(day, zone, day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** Whether {@code at} lies in {@code [from, until)}. */
    public boolean contains(Instant at) {
        return at != null && !at.isBefore(from) && at.isBefore(until);
    }
}
