package io.orderkeep.reconcile.domain;

import java.util.Map;

/**
 * A run's counts: rows the reader accepted and rejected (together, every data row of the file) and verdicts per
 * kind (rejected rows count as {@code INVALID_ROW}; {@code MISSING_AT_PROVIDER} counts local records, not rows).
 */
public record Tally(long rowsAccepted, long rowsRejected, Map<MatchKind, Long> counts) {

    public Tally {
        counts = Map.copyOf(counts);
    }

    public long rowsRead() {
        return rowsAccepted + rowsRejected;
    }

    public long count(MatchKind kind) {
        return counts.getOrDefault(kind, 0L);
    }
}
