package io.orderkeep.reconcile.internal;

import io.orderkeep.platform.Page;
import io.orderkeep.reconcile.Discrepancies;
import io.orderkeep.reconcile.Discrepancy;
import io.orderkeep.reconcile.jdbc.RunRows;
import io.orderkeep.reconcile.jdbc.StoredRow;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** {@link Discrepancies} for other modules (the console), over the same reading and resolving the API uses. */
@Service
class DiscrepancyService implements Discrepancies {

    private final RunRowsView view;
    private final Resolutions resolutions;
    private final RunRows rows;

    DiscrepancyService(RunRowsView view, Resolutions resolutions, RunRows rows) {
        this.view = view;
        this.resolutions = resolutions;
        this.rows = rows;
    }

    @Override
    public Optional<Discrepancy> find(String id) {
        return rows.find(id).filter(row -> !"MATCHED".equals(row.kind())).map(DiscrepancyService::of);
    }

    @Override
    public List<Discrepancy> ofOrder(String orderId) {
        return rows.discrepanciesOfOrder(orderId).stream().map(DiscrepancyService::of).toList();
    }

    @Override
    public Page<Discrepancy> list(String runId, String kind, String resolution, int limit, String cursor) {
        return view.discrepancies(runId, kind, resolution, limit, cursor).map(DiscrepancyService::of);
    }

    @Override
    public Discrepancy resolve(String id, Action action, String reason, String actor) {
        return of(resolutions.resolve(id, Resolutions.Action.valueOf(action.name()), reason, actor));
    }

    private static Discrepancy of(StoredRow row) {
        return new Discrepancy(row.id(), row.runId(), row.kind(), row.line(), row.transactionId(), row.orderId(),
                row.amount(), row.currency(), row.detail(), row.resolution(), row.suggestion(), row.resolvedAction(),
                row.resolvedBy(), row.resolvedReason(),
                row.resolvedAt() == null ? null : Instant.ofEpochMilli(row.resolvedAt()));
    }
}
