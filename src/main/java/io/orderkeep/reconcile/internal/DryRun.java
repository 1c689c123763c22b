package io.orderkeep.reconcile.internal;

import io.orderkeep.reconcile.RunSummary;
import io.orderkeep.reconcile.jdbc.StoredRow;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A dry run kept in memory only: what the run would store, and how far it got. */
final class DryRun {

    final String id;
    final String provider;
    final String sha256;
    final long rowsTotal;
    final List<StoredRow> rows = new CopyOnWriteArrayList<>();
    volatile long rowsRead;
    volatile String status = "RUNNING";
    volatile String error;

    DryRun(String id, String provider, String sha256, long rowsTotal) {
        this.id = id;
        this.provider = provider;
        this.sha256 = sha256;
        this.rowsTotal = rowsTotal;
    }

    RunSummary summary() {
        var counts = Summaries.emptyCounts();
        long repaired = 0;
        long review = 0;
        for (StoredRow row : rows) {
            counts.merge(row.kind(), 1L, Long::sum);
            repaired += Summaries.isRepaired(row.resolution()) ? 1 : 0;
            review += "NEEDS_REVIEW".equals(row.resolution()) ? 1 : 0;
        }
        return new RunSummary(id, provider, sha256, status, true, rowsRead, rowsTotal, counts, repaired, review, error);
    }
}
