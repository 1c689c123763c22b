package io.orderkeep.reconcile.internal;

import io.orderkeep.platform.ApiException;
import io.orderkeep.platform.Cursors;
import io.orderkeep.platform.Page;
import io.orderkeep.reconcile.RunSummary;
import io.orderkeep.reconcile.jdbc.RunRows;
import io.orderkeep.reconcile.jdbc.StoredRow;
import java.util.Comparator;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/** Reading a run and its rows, whether stored (a real run) or in memory (a dry run). */
@Service
public class RunRowsView {

    private final RunService service;
    private final RunRows rows;

    RunRowsView(RunService service, RunRows rows) {
        this.service = service;
        this.rows = rows;
    }

    public RunSummary run(String id) {
        return service.find(id).orElseThrow(() -> ApiException.notFound("Reconciliation", id));
    }

    public Page<StoredRow> discrepancies(String runId, String kind, String resolution, int limit, String cursor) {
        run(runId);
        String after = Cursors.decode(cursor);
        var dry = service.dryRun(runId);
        if (dry.isPresent()) {
            var matching = dry.get().discrepancies().stream()
                    .filter(r -> !"MATCHED".equals(r.kind()))
                    .filter(r -> kind == null || kind.equals(r.kind()))
                    .filter(r -> resolution == null || resolution.equals(r.resolution()))
                    .filter(r -> after == null || r.id().compareTo(after) > 0)
                    .sorted(Comparator.comparing(StoredRow::id)).limit(limit + 1L).toList();
            return Page.of(matching, limit, StoredRow::id);
        }
        return Page.of(rows.discrepancies(runId, kind, resolution, after, limit + 1), limit, StoredRow::id);
    }

    /** Every row of the run, matched ones too (a dry run: its discrepancies only), file order then the final pass. */
    public void each(String runId, Consumer<StoredRow> consumer) {
        run(runId);
        var dry = service.dryRun(runId);
        if (dry.isPresent()) {
            dry.get().discrepancies().forEach(consumer); // a dry run keeps no matched rows
        } else {
            rows.each(runId, consumer);
        }
    }
}
