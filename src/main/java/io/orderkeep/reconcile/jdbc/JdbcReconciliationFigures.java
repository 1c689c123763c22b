package io.orderkeep.reconcile.jdbc;

import io.orderkeep.reconcile.ReconciliationFigures;
import io.orderkeep.reconcile.domain.MatchKind;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link ReconciliationFigures} as three grouped counts over the runs and their rows. */
@Component
class JdbcReconciliationFigures implements ReconciliationFigures {

    private final JdbcClient jdbc;

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
        kinds.putAll(grouped("SELECT kind, COUNT(*) FROM reconciliation_rows GROUP BY kind"));
        Map<String, Long> resolutions = grouped(
                "SELECT resolution, COUNT(*) FROM reconciliation_rows WHERE kind <> 'MATCHED' GROUP BY resolution");
        long needsReview = resolutions.getOrDefault("NEEDS_REVIEW", 0L);
        long discrepancies = resolutions.values().stream().mapToLong(Long::longValue).sum();
        return new Totals(runs, kinds, needsReview, discrepancies - needsReview,
                resolutions.getOrDefault("AUTO_REPAIRED", 0L), resolutions.getOrDefault("REPAIRED", 0L));
    }

    private Map<String, Long> grouped(String sql) {
        var out = new LinkedHashMap<String, Long>();
        jdbc.sql(sql).query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
