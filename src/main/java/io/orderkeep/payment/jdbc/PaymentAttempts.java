package io.orderkeep.payment.jdbc;

import io.orderkeep.payment.PaymentDesk;
import io.orderkeep.payment.domain.AttemptStatus;
import io.orderkeep.payment.domain.PaymentAttempt;
import io.orderkeep.platform.Dialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The payment attempts table. Every write checks the row's {@code version}; claims use a lease. */
@Repository
public class PaymentAttempts {

    private static final String COLUMNS = "id, order_id, provider, number, status, amount, currency, provider_ref, "
            + "pay_url, opened_at, due_at, query_count, expires_at, version";

    private final JdbcClient jdbc;
    private final Dialect dialect;
    private final Clock clock;

    PaymentAttempts(JdbcClient jdbc, Dialect dialect, Clock clock) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.clock = clock;
    }

    public Optional<PaymentAttempt> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment_attempts WHERE id = ?").param(id)
                .query(PaymentAttempts::map).optional();
    }

    /** Locks the row until the transaction ends (on SQLite the write lock already covers it). */
    public Optional<PaymentAttempt> lock(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment_attempts WHERE id = ?" + dialect.forUpdate()).param(id)
                .query(PaymentAttempts::map).optional();
    }

    public Optional<PaymentAttempt> latest(String orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment_attempts WHERE order_id = ? ORDER BY number DESC LIMIT 1")
                .param(orderId).query(PaymentAttempts::map).optional();
    }

    /** Every attempt of an order, first first. */
    public List<PaymentAttempt> ofOrder(String orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment_attempts WHERE order_id = ? ORDER BY number")
                .param(orderId).query(PaymentAttempts::map).list();
    }

    /** Per provider: attempts still waiting for a result (PENDING or UNKNOWN), and the oldest one's opening. */
    public List<PaymentDesk.Waiting> waitingByProvider() {
        return jdbc.sql("""
                SELECT provider, COUNT(*), MIN(opened_at) FROM payment_attempts
                WHERE status IN ('PENDING', 'UNKNOWN') GROUP BY provider ORDER BY provider""")
                .query((rs, n) -> new PaymentDesk.Waiting(rs.getString(1), rs.getLong(2),
                        Instant.ofEpochMilli(rs.getLong(3))))
                .list();
    }

    /** The attempt that collected the order's money (the latest, should there be more than one). */
    public Optional<PaymentAttempt> paid(String orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment_attempts WHERE order_id = ? AND status = 'SUCCEEDED'"
                        + " ORDER BY number DESC LIMIT 1")
                .param(orderId).query(PaymentAttempts::map).optional();
    }

    public int succeeded(String orderId) {
        return jdbc.sql("SELECT COUNT(*) FROM payment_attempts WHERE order_id = ? AND status = 'SUCCEEDED'")
                .param(orderId).query(Integer.class).single();
    }

    /** Inserts unless the order already has an attempt with this number; answers whether it inserted. */
    public boolean insert(PaymentAttempt a) {
        return jdbc.sql("INSERT INTO payment_attempts (" + COLUMNS + ", updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(a.id(), a.orderId(), a.provider(), a.number(), a.status().name(), a.amount(), a.currency(),
                        a.providerRef(), a.payUrl(), millis(a.openedAt()), millis(a.dueAt()), a.queryCount(),
                        millis(a.expiresAt()), a.version(), clock.millis())
                .update() == 1;
    }

    /**
     * Writes the attempt's new state over the version it was read at, and lets go of any lease on it. The first
     * update to SUCCEEDED stamps {@code succeeded_at}; later ones keep it.
     * @return the attempt at its new version
     */
    public PaymentAttempt update(PaymentAttempt a, boolean retryableFailure) {
        long now = clock.millis();
        int updated = jdbc.sql("""
                UPDATE payment_attempts SET status = ?, provider_ref = ?, pay_url = ?, due_at = ?, query_count = ?,
                    retryable_failure = ?, lease_owner = NULL, lease_until = NULL, updated_at = ?,
                    succeeded_at = COALESCE(succeeded_at, ?),
                    version = version + 1
                WHERE id = ? AND version = ?""")
                .params(a.status().name(), a.providerRef(), a.payUrl(), millis(a.dueAt()), a.queryCount(),
                        retryableFailure ? 1 : 0, now,
                        a.status() == AttemptStatus.SUCCEEDED ? (Long) now : null, a.id(), a.version())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("payment attempt " + a.id() + " changed since version " + a.version());
        }
        return new PaymentAttempt(a.id(), a.orderId(), a.provider(), a.number(), a.status(), a.amount(), a.currency(),
                a.providerRef(), a.payUrl(), a.openedAt(), a.dueAt(), a.queryCount(), a.expiresAt(), a.version() + 1);
    }

    /**
     * Claims up to {@code limit} attempts due by {@code now} whose lease (if any) ran out, and leases them to
     * {@code owner}, leaving out the providers whose calls are paused. Must run in its own short transaction: on
     * PostgreSQL the rows other instances are claiming at the same moment are skipped, not waited for, and the lease
     * keeps them away once this commits.
     */
    public List<PaymentAttempt> claimDue(Instant now, int limit, String owner, Instant leaseUntil, List<String> pausedProviders) {
        var params = new java.util.ArrayList<Object>(List.of(now.toEpochMilli(), now.toEpochMilli()));
        params.addAll(pausedProviders);
        params.add(limit);
        String paused = pausedProviders.isEmpty() ? ""
                : " AND provider NOT IN (" + String.join(", ", java.util.Collections.nCopies(pausedProviders.size(), "?")) + ")";
        List<String> ids = jdbc.sql("SELECT id FROM payment_attempts WHERE due_at <= ? "
                        + "AND (lease_until IS NULL OR lease_until <= ?)" + paused + " ORDER BY due_at LIMIT ?" + dialect.skipLocked())
                .params(params)
                .query(String.class).list();
        for (String id : ids) {
            jdbc.sql("UPDATE payment_attempts SET lease_owner = ?, lease_until = ? WHERE id = ?")
                    .params(owner, leaseUntil.toEpochMilli(), id).update();
        }
        return ids.stream().map(id -> find(id).orElseThrow()).toList();
    }

    /** Lets go of a lease without changing the attempt (the work could not be done now), with a new due time. */
    public void release(String id, String owner, Instant dueAt) {
        jdbc.sql("UPDATE payment_attempts SET lease_owner = NULL, lease_until = NULL, due_at = ? WHERE id = ? AND lease_owner = ?")
                .params(millis(dueAt), id, owner).update();
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }

    private static PaymentAttempt map(ResultSet rs, int row) throws SQLException {
        return new PaymentAttempt(rs.getString("id"), rs.getString("order_id"), rs.getString("provider"),
                rs.getInt("number"), AttemptStatus.valueOf(rs.getString("status")), rs.getLong("amount"),
                rs.getString("currency"), rs.getString("provider_ref"), rs.getString("pay_url"),
                instant(rs, "opened_at"), instant(rs, "due_at"), rs.getInt("query_count"), instant(rs, "expires_at"),
                rs.getLong("version"));
    }
}
