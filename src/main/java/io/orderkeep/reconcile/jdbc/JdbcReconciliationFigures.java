package io.orderkeep.reconcile.jdbc;

import io.orderkeep.reconcile.ReconciliationFigures;
import io.orderkeep.reconcile.domain.MatchKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link ReconciliationFigures} as grouped counts over the runs and their rows. The metrics ask every refresh, and a
 * run's rows can number millions, so rows by kind are counted once per completed run (its verdicts never change
 * again; only their resolutions do) and the resolutions read a partial index that leaves matched rows out.
 */
@Component
class JdbcReconciliationFigures implements ReconciliationFigures {

    private final JdbcClient jdbc;
    private final Map<String, Map<String, Long>> completedRunKinds = new ConcurrentHashMap<>();

    JdbcReconciliationFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Totals totals() {
        var runs = new LinkedHashMap<String, Long>();
        for (String status : new String[] {"RUNNING", "COMPLETED", "FAILED"}) {
            runs.put(status, 0L);
        }
        runs.putAll(grouped("SELECT status, COUNT(*) FROM reconciliation_runs GROUP BY status"));
        var kinds = new LinkedHashMap<String, Long>();
        for (MatchKind kind : MatchKind.values()) {
            kinds.put(kind.name(), 0L);
        }
        var statuses = jdbc.sql("SELECT id, status FROM reconciliation_runs")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).list();
        completedRunKinds.keySet().retainAll(statuses.stream().map(Map.Entry::getKey).toList());
        for (var run : statuses) {
            Map<String, Long> counted = "COMPLETED".equals(run.getValue())
                    ? completedRunKinds.computeIfAbsent(run.getKey(), this::kindsOf)
                    : kindsOf(run.getKey());
            counted.forEach((kind, count) -> kinds.merge(kind, count, Long::sum));
        }
        Map<String, Long> resolutions = grouped(
                "SELECT resolution, COUNT(*) FROM reconciliation_rows WHERE kind <> 'MATCHED' GROUP BY resolution");
        long needsReview = resolutions.getOrDefault("NEEDS_REVIEW", 0L);
        long discrepancies = resolutions.values().stream().mapToLong(Long::longValue).sum();
        return new Totals(runs, kinds, needsReview, discrepancies - needsReview,
                resolutions.getOrDefault("AUTO_REPAIRED", 0L), resolutions.getOrDefault("REPAIRED", 0L));
    }

    private Map<String, Long> kindsOf(String runId) {
        var out = new LinkedHashMap<String, Long>();
        jdbc.sql("SELECT kind, COUNT(*) FROM reconciliation_rows WHERE run_id = ? GROUP BY kind").param(runId)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return Map.copyOf(out);
    }

    private Map<String, Long> grouped(String sql) {
        var out = new LinkedHashMap<String, Long>();
        jdbc.sql(sql).query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
