package io.orderkeep.reconcile;

import java.util.Map;

/**
 * A reconciliation run as API.md shows it. {@code counts} has every kind (0 when none); {@code repaired} counts
 * discrepancies repaired (by the run or by an operator), {@code needsReview} those still waiting for a person. A
 * dry run's figures say what it would have done.
 */
public record RunSummary(String id, String provider, String fileSha256, String status, boolean dryRun, long rowsRead,
        long rowsTotal, Map<String, Long> counts, long repaired, long needsReview, String error) {

    public RunSummary {
        counts = Map.copyOf(counts);
    }

    public long count(String kind) {
        return counts.getOrDefault(kind, 0L);
    }
}
