package io.orderkeep.ops.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.MultiGauge.Row;
import io.micrometer.core.instrument.Tags;
import io.orderkeep.reconcile.ReconciliationFigures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The reconciliation gauges, from the reconcile module's {@link ReconciliationFigures}; refreshed with the other
 * business gauges ({@link BusinessMetrics#refresh()}), database-wide like them.
 */
@Component
class ReconciliationMetrics {

    private final ReconciliationFigures figures;
    private final MultiGauge runs;
    private final MultiGauge rows;
    private final MultiGauge discrepancies;
    private final MultiGauge repairs;

    ReconciliationMetrics(ReconciliationFigures figures, MeterRegistry meters) {
        this.figures = figures;
        runs = MultiGauge.builder("orderkeep.reconciliation.runs").description("Reconciliation runs by status")
                .register(meters);
        rows = MultiGauge.builder("orderkeep.reconciliation.rows")
                .description("Settlement rows (and local payments missing from the file) by classification")
                .register(meters);
        discrepancies = MultiGauge.builder("orderkeep.reconciliation.discrepancies")
                .description("Discrepancies waiting for a person (needs_review) or not (resolved)").register(meters);
        repairs = MultiGauge.builder("orderkeep.reconciliation.repairs")
                .description("Discrepancies repaired, by a run itself (reconciliation) or by an operator")
                .register(meters);
    }

    void refresh() {
        ReconciliationFigures.Totals t = figures.totals();
        runs.register(rows("status", t.runsByStatus()), true);
        rows.register(rows("kind", t.rowsByKind()), true);
        discrepancies.register(rows("state", Map.of("needs_review", t.needsReview(), "resolved", t.resolved())), true);
        repairs.register(rows("by", Map.of("reconciliation", t.repairedByRun(), "operator", t.repairedByOperator())),
                true);
    }

    private static List<Row<?>> rows(String tag, Map<String, Long> values) {
        List<Row<?>> out = new ArrayList<>();
        values.forEach((key, value) -> out.add(Row.of(Tags.of(tag, key), value)));
        return out;
    }
}
