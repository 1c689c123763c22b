package io.orderkeep.delivery.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * What becomes of a delivery after an attempt. {@code schedule.get(i)} is the delay before attempt {@code i + 1}
 * (counted from the failure before it, or from the event for the first), so after the last scheduled attempt
 * fails the delivery is dead. Only a 2xx counts as delivered; 410 Gone means the merchant removed the endpoint.
 *
 * @param jitter up to this fraction of a delay is added at random, so that many failing deliveries spread out
 */
public record RetryPolicy(List<Duration> schedule, double jitter) {

    /** A Retry-After larger than this is not believed: the schedule's longest step caps it. */
    static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);

    public RetryPolicy {
        schedule = List.copyOf(schedule);
        if (schedule.isEmpty() || jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("a retry policy needs at least one delay and a jitter in 0..1");
        }
    }

    public sealed interface Verdict {
        record Delivered() implements Verdict {}
        record RetryAt(Instant at) implements Verdict {}
        record Dead(String reason) implements Verdict {}
        record Gone() implements Verdict {}
    }

    /**
     * @param status the HTTP status, or null when no response came (timeout, refused connection)
     * @param retryAfter the response's Retry-After header, or null
     * @param attemptsMade attempts made in this round, the one just finished included
     */
    public Verdict after(Integer status, String retryAfter, int attemptsMade, Instant now, DoubleSupplier random) {
        if (status != null && status >= 200 && status < 300) {
            return new Verdict.Delivered();
        }
        if (status != null && status == 410) {
            return new Verdict.Gone();
        }
        if (attemptsMade >= schedule.size()) {
            return new Verdict.Dead("no 2xx after " + attemptsMade + " attempts");
        }
        if (status != null && (status == 429 || status == 503)) {
            Duration asked = retryAfter(retryAfter, now);
            if (asked != null) {
                return new Verdict.RetryAt(now.plus(asked));
            }
        }
        return new Verdict.RetryAt(now.plus(withJitter(schedule.get(attemptsMade), random)));
    }

    /** The delay before the first attempt. */
    public Duration first(DoubleSupplier random) {
        return withJitter(schedule.getFirst(), random);
    }

    private Duration withJitter(Duration delay, DoubleSupplier random) {
        long extra = (long) (delay.toMillis() * jitter * random.getAsDouble());
        return delay.plusMillis(extra);
    }

    /** Retry-After as seconds or an HTTP date (RFC 9110), capped; null when absent or unreadable. */
    static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        Duration asked;
        try {
            asked = Duration.ofSeconds(Long.parseLong(header.strip()));
        } catch (NumberFormatException notSeconds) {
            try {
                asked = Duration.between(now, ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
        if (asked.isNegative()) {
            return Duration.ZERO;
        }
        return asked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked;
    }
}
