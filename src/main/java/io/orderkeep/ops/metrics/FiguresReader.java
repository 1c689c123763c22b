package io.orderkeep.ops.metrics;

import io.orderkeep.ops.OpsFigures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads {@link OpsFigures} with a handful of grouped counts over the other modules' tables (read-only: their
 * schemas are their contract with their own migrations, so these queries are the one place to adapt).
 */
@Component
public class FiguresReader {

    private final JdbcClient jdbc;
    private final Clock clock;

    FiguresReader(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public OpsFigures read() {
        Instant now = clock.instant();
        long nowMs = now.toEpochMilli();
        var byHop = new TreeMap<String, Map<String, Long>>();
        jdbc.sql("""
                SELECT hop, due_at FROM order_hops
                WHERE state IN ('OVERDUE', 'FAILED') OR (state = 'PENDING' AND due_at < :now)""")
                .param("now", nowMs)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .forEach(e -> byHop.computeIfAbsent(e.getKey().toLowerCase(java.util.Locale.ROOT), h -> new TreeMap<>())
                        .merge(OpsFigures.ageBucket(Duration.ofMillis(Math.max(0, nowMs - e.getValue()))), 1L, Long::sum));
        long unreturned = count("""
                SELECT COUNT(DISTINCT order_id) FROM order_hops
                WHERE state IN ('OVERDUE', 'FAILED') OR (state = 'PENDING' AND due_at < :now)""", nowMs);
        // One pass gives every endpoint with deliveries a row in all three, so each series exists, at zero too.
        List<Map<String, Long>> perEndpoint = List.of(new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
        jdbc.sql("""
                SELECT endpoint_id, SUM(CASE WHEN status IN ('PENDING', 'RETRYING') THEN 1 ELSE 0 END),
                       SUM(CASE WHEN status = 'DEAD' THEN 1 ELSE 0 END), SUM(attempts)
                FROM webhook_deliveries GROUP BY endpoint_id""")
                .query((rs, i) -> {
                    for (int k = 0; k < 3; k++) {
                        perEndpoint.get(k).put(rs.getString(1), rs.getLong(k + 2));
                    }
                    return null;
                }).list();
        return new OpsFigures(now, byHop, unreturned,
                grouped("SELECT status, COUNT(*) FROM orders GROUP BY status"),
                count("SELECT COUNT(*) FROM orders WHERE needs_attention = TRUE"),
                count("""
                        SELECT COUNT(*) FROM order_history WHERE source = 'query' AND from_status IS NOT NULL
                        AND from_status <> to_status"""),
                count("SELECT COUNT(*) FROM order_history WHERE source = 'watch'"),
                perEndpoint.get(0), perEndpoint.get(1), perEndpoint.get(2),
                jdbc.sql("SELECT id FROM webhook_endpoints WHERE status = 'disabled' ORDER BY id")
                        .query(String.class).list(),
                count("SELECT COUNT(*) FROM delivery_events WHERE feed_position IS NULL"),
                oldest("""
                        SELECT MIN(next_attempt_at) FROM webhook_deliveries
                        WHERE status IN ('PENDING', 'RETRYING') AND (lease_until IS NULL OR lease_until < :now)""", nowMs),
                oldest("SELECT MIN(due_at) FROM payment_attempts WHERE due_at IS NOT NULL AND "
                        + "(lease_until IS NULL OR lease_until < :now)", nowMs),
                count("SELECT COUNT(*) FROM orphan_notifications WHERE resolved_at IS NULL"),
                lastEscalation());
    }

    private Instant lastEscalation() {
        List<Long> at = jdbc.sql("SELECT MAX(at) FROM order_history WHERE source = 'watch'")
                .query((rs, i) -> rs.getObject(1) == null ? null : rs.getLong(1)).list();
        return at.isEmpty() || at.getFirst() == null ? null : Instant.ofEpochMilli(at.getFirst());
    }

    private long count(String sql, long nowMs) {
        Long n = jdbc.sql(sql).param("now", nowMs).query(Long.class).single();
        return n == null ? 0 : n;
    }

    private long count(String sql) {
        Long n = jdbc.sql(sql).query(Long.class).single();
        return n == null ? 0 : n;
    }

    private Map<String, Long> grouped(String sql) {
        var out = new TreeMap<String, Long>();
        jdbc.sql(sql).query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private Duration oldest(String sql, long nowMs) {
        List<Long> due = jdbc.sql(sql).param("now", nowMs).query((rs, i) -> rs.getObject(1) == null ? null : rs.getLong(1))
                .list();
        if (due.isEmpty() || due.getFirst() == null || due.getFirst() >= nowMs) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(nowMs - due.getFirst());
    }
}
