package io.orderkeep.payment.jdbc;

import io.orderkeep.payment.PaymentRecord;
import io.orderkeep.payment.PaymentRecord.RefundRecord;
import io.orderkeep.payment.domain.AttemptStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read-only look-ups of attempts with their refunds, in batches: one query per {@value #CHUNK} keys for the
 * attempts and one for their refunds, so reconciling a large file costs queries per batch of rows, not per row.
 */
@Repository
public class PaymentLookups {

    /** Keys per IN list: far below SQLite's limit on bound parameters. */
    static final int CHUNK = 500;

    private static final String ATTEMPTS = "SELECT id, provider_ref, order_id, provider, amount, currency, status, "
            + "succeeded_at FROM payment_attempts ";

    private final JdbcClient jdbc;

    PaymentLookups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Attempts whose {@code column} is one of {@code keys}, ordered by that column then id, with refunds.
     *
     * @param provider only that provider's attempts; null: every provider's
     */
    public List<PaymentRecord> where(String column, String provider, Collection<String> keys) {
        List<String> distinct = keys.stream().filter(k -> k != null).distinct().toList();
        List<Attempt> found = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i += CHUNK) {
            List<Object> params = new ArrayList<>(distinct.subList(i, Math.min(distinct.size(), i + CHUNK)));
            String sql = ATTEMPTS + "WHERE " + column + " IN (" + placeholders(params.size()) + ")";
            if (provider != null) {
                sql += " AND provider = ?";
                params.add(provider);
            }
            found.addAll(jdbc.sql(sql + " ORDER BY " + column + ", number, id").params(params)
                    .query(PaymentLookups::attempt).list());
        }
        return withRefunds(found);
    }

    /** A page of a window's records and the keyset position after it; empty records: the end. */
    public record Page(List<PaymentRecord> records, long lastAt, String lastId) {}

    /**
     * The provider's attempts succeeded in [from, until), after the keyset position ({@code afterId} null: from the
     * start).
     */
    public Page succeeded(String provider, long from, long until, long afterAt, String afterId, int limit) {
        List<Object> params = new ArrayList<>(List.of(provider, from, until));
        List<Attempt> page = jdbc.sql(ATTEMPTS + "WHERE provider = ? AND succeeded_at >= ? AND succeeded_at < ?"
                        + after("", afterAt,
                        afterId, params) + " ORDER BY succeeded_at, id LIMIT " + limit)
                .params(params).query(PaymentLookups::attempt).list();
        Attempt last = page.isEmpty() ? null : page.getLast();
        return new Page(withRefunds(page), last == null ? 0 : last.succeededAt().toEpochMilli(),
                last == null ? null : last.id());
    }

    /**
     * The provider's attempts NOT succeeded in [from, until) with a refund that succeeded in it, keyed by the
     * refund's time and id (an attempt with two such refunds comes twice; the caller drops repeats).
     */
    public Page refunded(String provider, long from, long until, long afterAt, String afterId, int limit) {
        List<Object> params = new ArrayList<>(List.of(from, until));
        String after = after("r.", afterAt, afterId, params);
        params.addAll(List.of(provider, from, until));
        List<String> refundIds = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        List<String> attemptIds = new ArrayList<>();
        jdbc.sql("SELECT r.id, r.updated_at, r.attempt_id FROM refunds r JOIN payment_attempts a ON a.id = r.attempt_id"
                        + " WHERE r.status = 'SUCCEEDED' AND r.updated_at >= ? AND r.updated_at < ?" + after
                        + " AND a.provider = ? AND (a.succeeded_at IS NULL OR a.succeeded_at < ? OR a.succeeded_at >= ?)"
                        + " ORDER BY r.updated_at, r.id LIMIT " + limit)
                .params(params).query(rs -> {
                    refundIds.add(rs.getString(1));
                    times.add(rs.getLong(2));
                    attemptIds.add(rs.getString(3));
                });
        if (refundIds.isEmpty()) {
            return new Page(List.of(), 0, null);
        }
        Map<String, PaymentRecord> byId = new HashMap<>();
        where("id", provider, attemptIds).forEach(p -> byId.put(p.attemptId(), p));
        return new Page(attemptIds.stream().distinct().map(byId::get).toList(), times.getLast(), refundIds.getLast());
    }

    /**
     * The keyset condition "after (at, id)" on {@code prefix}updated_at / succeeded_at, adding its parameters. A row
     * value, not {@code at > ? OR (at = ? AND id > ?)}: both databases turn it into an index range start, where the
     * OR form made PostgreSQL re-read the window from its beginning for every page (quadratic over a large day).
     */
    private static String after(String prefix, long afterAt, String afterId, List<Object> params) {
        if (afterId == null) {
            return "";
        }
        String at = prefix.isEmpty() ? "succeeded_at" : prefix + "updated_at";
        params.addAll(List.of(afterAt, afterId));
        return " AND (" + at + ", " + prefix + "id) > (?, ?)";
    }

    private List<PaymentRecord> withRefunds(List<Attempt> attempts) {
        if (attempts.isEmpty()) {
            return List.of();
        }
        Map<String, List<RefundRecord>> refunds = new HashMap<>();
        List<String> ids = attempts.stream().map(Attempt::id).distinct().toList();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            List<String> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
            jdbc.sql("SELECT id, attempt_id, provider_ref, amount, status, updated_at FROM refunds WHERE attempt_id IN ("
                            + placeholders(chunk.size()) + ") ORDER BY created_at, id")
                    .params(chunk).query(rs -> {
                        String status = rs.getString("status");
                        Instant at = "SUCCEEDED".equals(status) ? Instant.ofEpochMilli(rs.getLong("updated_at")) : null;
                        refunds.computeIfAbsent(rs.getString("attempt_id"), k -> new ArrayList<>()).add(new RefundRecord(
                                rs.getString("id"), rs.getString("provider_ref"), rs.getLong("amount"), status, at));
                    });
        }
        return attempts.stream().map(a -> a.record(refunds.getOrDefault(a.id(), List.of()))).toList();
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private record Attempt(String id, String providerRef, String orderId, String provider, long amount, String currency,
            AttemptStatus status, Instant succeededAt) {

        PaymentRecord record(List<RefundRecord> refunds) {
            return new PaymentRecord(id, providerRef, orderId, provider, amount, currency, status, succeededAt, refunds);
        }
    }

    private static Attempt attempt(ResultSet rs, int row) throws SQLException {
        long at = rs.getLong("succeeded_at");
        Instant succeededAt = rs.wasNull() ? null : Instant.ofEpochMilli(at);
        return new Attempt(rs.getString("id"), rs.getString("provider_ref"), rs.getString("order_id"),
                rs.getString("provider"), rs.getLong("amount"), rs.getString("currency"),
                AttemptStatus.valueOf(rs.getString("status")), succeededAt);
    }
}
