package io.orderkeep.reconcile.internal;

import io.orderkeep.reconcile.RunSummary;
import io.orderkeep.reconcile.jdbc.StoredRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A dry run kept in memory only: what the report needs — counts per kind and resolution, and the discrepancies —
 * and how far it got. Matched rows are counted, never kept: they are nine in ten rows of a large file.
 */
final class DryRun {

    final String id;
    final String provider;
    final String sha256;
    final long rowsTotal;
    private final Map<String, Long> counts = Summaries.emptyCounts();
    private final List<StoredRow> discrepancies = new ArrayList<>();
    private long repaired;
    private long review;
    volatile long rowsRead;
    volatile String status = "RUNNING";
    volatile String error;

    DryRun(String id, String provider, String sha256, long rowsTotal) {
        this.id = id;
        this.provider = provider;
        this.sha256 = sha256;
        this.rowsTotal = rowsTotal;
    }

    /** Counts the row; keeps it only when it is a discrepancy. */
    synchronized void add(StoredRow row) {
        counts.merge(row.kind(), 1L, Long::sum);
        repaired += Summaries.isRepaired(row.resolution()) ? 1 : 0;
        review += "NEEDS_REVIEW".equals(row.resolution()) ? 1 : 0;
        if (!"MATCHED".equals(row.kind())) {
            discrepancies.add(row);
        }
    }

    /** The discrepancies so far, in the order found (a copy: the run may still be adding). */
    synchronized List<StoredRow> discrepancies() {
        return List.copyOf(discrepancies);
    }

    synchronized RunSummary summary() {
        return new RunSummary(id, provider, sha256, status, true, rowsRead, rowsTotal, Map.copyOf(counts), repaired,
                review, error);
    }
}
