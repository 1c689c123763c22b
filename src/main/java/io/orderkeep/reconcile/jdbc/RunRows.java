package io.orderkeep.reconcile.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code reconciliation_rows} table: one outcome per (run, line), written at most once. */
@Component
public class RunRows {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    RunRows(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    private static final String INSERT = """
            INSERT INTO reconciliation_rows (id, run_id, line, local_key, kind, row_key, named, transaction_id,
                provider_ref, attempt_id, refund_id, order_id, amount, currency, detail, resolution, suggestion)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (run_id, line, local_key) DO NOTHING""";

    /** Stores the row unless the run already stored that line (a resumed batch): idempotent. */
    public boolean insert(StoredRow row) {
        return jdbc.sql(INSERT).params(values(row)).update() == 1;
    }

    /** {@link #insert} for a batch of rows, as one JDBC batch (one round trip on PostgreSQL). */
    public void insertAll(List<StoredRow> rows) {
        if (!rows.isEmpty()) {
            batch.batchUpdate(INSERT, rows.stream().map(RunRows::values).toList());
        }
    }

    private static Object[] values(StoredRow row) {
        return new Object[] {row.id(), row.runId(), row.line(), row.localKey(), row.kind(), row.rowKey(), row.named(),
                row.transactionId(), row.providerRef(), row.attemptId(), row.refundId(), row.orderId(), row.amount(),
                row.currency(), row.detail(), row.resolution(), row.suggestion()};
    }

    public Map<String, Long> countsByKind(String runId) {
        var counts = new LinkedHashMap<String, Long>();
        jdbc.sql("SELECT kind, COUNT(*) AS n FROM reconciliation_rows WHERE run_id = ? GROUP BY kind").param(runId)
                .query(rs -> {
                    counts.put(rs.getString("kind"), rs.getLong("n"));
                });
        return counts;
    }

    public Map<String, Long> countsByResolution(String runId) {
        var counts = new LinkedHashMap<String, Long>();
        jdbc.sql("SELECT resolution, COUNT(*) AS n FROM reconciliation_rows WHERE run_id = ? GROUP BY resolution")
                .param(runId).query(rs -> {
                    counts.put(rs.getString("resolution"), rs.getLong("n"));
                });
        return counts;
    }

    /** Rows read from the file (the final pass's line 0 excluded). */
    public long rowsRead(String runId) {
        return jdbc.sql("SELECT COUNT(*) FROM reconciliation_rows WHERE run_id = ? AND line > 0").param(runId)
                .query(Long.class).single();
    }

    /** Discrepancies (never MATCHED rows) in id order after {@code afterId}, at most {@code limit}. */
    public List<StoredRow> discrepancies(String runId, String kind, String resolution, String afterId, int limit) {
        var sql = new StringBuilder("SELECT * FROM reconciliation_rows WHERE run_id = ? AND kind <> 'MATCHED'");
        var params = new ArrayList<Object>(List.of(runId));
        if (kind != null) {
            sql.append(" AND kind = ?");
            params.add(kind);
        }
        if (resolution != null) {
            sql.append(" AND resolution = ?");
            params.add(resolution);
        }
        if (afterId != null) {
            sql.append(" AND id > ?");
            params.add(afterId);
        }
        sql.append(" ORDER BY id LIMIT ").append(limit);
        return jdbc.sql(sql.toString()).params(params).query(RunRows::row).list();
    }

    /** Every row of the run in line order (the final pass's last), one at a time. */
    public void each(String runId, Consumer<StoredRow> consumer) {
        jdbc.sql("SELECT * FROM reconciliation_rows WHERE run_id = ? ORDER BY line = 0, line, local_key")
                .param(runId).query(rs -> {
                    consumer.accept(row(rs, 0));
                });
    }

    /** The discrepancies (never MATCHED rows) naming the order, over every run, in run and line order. */
    public List<StoredRow> discrepanciesOfOrder(String orderId) {
        return jdbc.sql("SELECT * FROM reconciliation_rows WHERE order_id = ? AND kind <> 'MATCHED'"
                + " ORDER BY run_id, line, local_key").param(orderId).query(RunRows::row).list();
    }

    public Optional<StoredRow> find(String id) {
        return jdbc.sql("SELECT * FROM reconciliation_rows WHERE id = ?").param(id).query(RunRows::row).optional();
    }

    /** Records an operator's decision on a row still in {@code from}; false when someone moved it first. */
    public boolean resolve(String id, String from, String resolution, String action, String by, String reason,
            long at) {
        return jdbc.sql("""
                UPDATE reconciliation_rows SET resolution = ?, resolved_action = ?, resolved_by = ?,
                    resolved_reason = ?, resolved_at = ?, version = version + 1
                WHERE id = ? AND resolution = ?""")
                .params(resolution, action, by, reason, at, id, from).update() == 1;
    }

    /** Puts a row back to review from {@code from} (a refund the provider refused); false if it is no longer there. */
    public boolean reopen(String id, String from) {
        return jdbc.sql("""
                UPDATE reconciliation_rows SET resolution = 'NEEDS_REVIEW', resolved_action = NULL, resolved_by = NULL,
                    resolved_reason = NULL, resolved_at = NULL, version = version + 1
                WHERE id = ? AND resolution = ?""")
                .params(id, from).update() == 1;
    }

    private static StoredRow row(ResultSet rs, int n) throws SQLException {
        long resolvedAt = rs.getLong("resolved_at");
        Long at = rs.wasNull() ? null : resolvedAt;
        return new StoredRow(rs.getString("id"), rs.getString("run_id"), rs.getLong("line"), rs.getString("local_key"),
                rs.getString("kind"), rs.getString("row_key"), rs.getString("named"), rs.getString("transaction_id"),
                rs.getString("provider_ref"), rs.getString("attempt_id"), rs.getString("refund_id"), rs.getString("order_id"), rs.getLong("amount"),
                rs.getString("currency"), rs.getString("detail"), rs.getString("resolution"),
                rs.getString("suggestion"), rs.getString("resolved_action"), rs.getString("resolved_by"),
                rs.getString("resolved_reason"), at);
    }
}
