package io.orderkeep.reconcile.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;

/**
 * Reads a file's timestamps: with an offset or zone when the text has one, otherwise as a local date-time in the
 * provider's zone. Dates are resolved strictly, so 2026-02-30 is an error, not March 2nd.
 */
final class Timestamps {

    private final DateTimeFormatter format;
    private final ZoneId zone;
    private final String expected;

    Timestamps(String pattern, ZoneId zone) {
        this.format = pattern == null
                ? DateTimeFormatter.ISO_DATE_TIME
                : DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
        this.zone = zone;
        this.expected = pattern == null ? "ISO-8601" : pattern;
    }

    Instant parse(String text, String column) {
        try {
            TemporalAccessor parsed = format.parseBest(text, ZonedDateTime::from, LocalDateTime::from);
            return parsed instanceof ZonedDateTime zoned
                    ? zoned.toInstant()
                    : ((LocalDateTime) parsed).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(column + ": '" + text + "' is not a time (" + expected + ")", e);
        }
    }
}
