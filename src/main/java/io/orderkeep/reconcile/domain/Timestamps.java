package io.orderkeep.reconcile.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;

/**
 * Reads a file's timestamps: with an offset or zone when the text has one, otherwise as a local date-time in the
 * provider's zone. Dates are resolved strictly, so 2026-02-30 is an error, not March 2nd.
 */
final class Timestamps {

    private static final String PLAIN_LOCAL_PATTERN = "uuuu-MM-dd HH:mm:ss";

    private final DateTimeFormatter format;
    private final ZoneId zone;
    private final String expected;
    /** The separator of the common shape {@code 2026-11-21T08:30:00Z} that {@link #fast} reads; 0 for none. */
    private final char fastSeparator;

    Timestamps(String pattern, ZoneId zone) {
        this.format = pattern == null
                ? DateTimeFormatter.ISO_DATE_TIME
                : DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
        this.zone = zone;
        this.expected = pattern == null ? "ISO-8601" : pattern;
        this.fastSeparator = pattern == null ? 'T' : PLAIN_LOCAL_PATTERN.equals(pattern) ? ' ' : 0;
    }

    Instant parse(String text, String column) {
        try {
            Instant quick = fast(text);
            if (quick != null) {
                return quick;
            }
            TemporalAccessor parsed = format.parseBest(text, ZonedDateTime::from, LocalDateTime::from);
            return parsed instanceof ZonedDateTime zoned
                    ? zoned.toInstant()
                    : ((LocalDateTime) parsed).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(column + ": '" + text + "' is not a time (" + expected + ")", e);
        }
    }

    /**
     * The formatter costs microseconds a row, most of a ten-million-row run: the common shapes
     * ({@code 2026-11-21T08:30:00Z}, with millis, {@code +08:00} or no offset; {@code 2026-11-21 08:30:00}) are read by hand.
     * Anything else returns null and goes to the formatter; {@link LocalDateTime#of} still rejects Feb 30.
     */
    private Instant fast(String text) {
        int length = text.length();
        // 2026-11-21T08:30:00.123Z, how Java's Instant prints (the sandbox's files): the seconds' shape plus millis.
        if (fastSeparator == 'T' && length == 24 && text.charAt(19) == '.' && text.charAt(23) == 'Z') {
            int millis = digits(text, 20, 3);
            Instant seconds = millis < 0 ? null : fast(text.substring(0, 19) + "Z");
            return seconds == null ? null : seconds.plusMillis(millis);
        }
        boolean utc = length == 20 && text.charAt(19) == 'Z';
        boolean offset = length == 25 && (text.charAt(19) == '+' || text.charAt(19) == '-') && text.charAt(22) == ':';
        if (fastSeparator == 0 || !(length == 19 || utc || offset) || (fastSeparator == ' ' && length != 19)
                || text.charAt(10) != fastSeparator || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4), month = digits(text, 5, 2), day = digits(text, 8, 2);
        int hour = digits(text, 11, 2), minute = digits(text, 14, 2), second = digits(text, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second);
        if (utc) {
            return local.toInstant(ZoneOffset.UTC);
        }
        if (offset) {
            int hours = digits(text, 20, 2), minutes = digits(text, 23, 2);
            if ((hours | minutes) < 0) {
                return null;
            }
            int sign = text.charAt(19) == '-' ? -1 : 1;
            return local.toInstant(ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes));
        }
        return local.atZone(zone).toInstant();
    }

    /** The decimal number in {@code text[from, from + count)}, or -1 if a character there is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
