package io.orderkeep.payment.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When the watch asks a provider about a payment still open: at fixed offsets from the attempt's opening (default
 * 30 s, 1 m, 2 m, 5 m, 15 m, 1 h, 6 h, 24 h). Steps already past are skipped rather than replayed one after the
 * other, so a watch that was down catches up with one query, not eight.
 */
public record QuerySchedule(List<Duration> offsets) {

    public QuerySchedule {
        offsets = List.copyOf(offsets);
        if (offsets.isEmpty()) {
            throw new IllegalArgumentException("a query schedule needs at least one step");
        }
    }

    public Instant first(Instant openedAt) {
        return openedAt.plus(offsets.getFirst());
    }

    /** The next query time after {@code now}, or empty when the schedule is exhausted. */
    public Optional<Instant> next(Instant openedAt, Instant now) {
        return offsets.stream().map(openedAt::plus).filter(at -> at.isAfter(now)).findFirst();
    }
}
