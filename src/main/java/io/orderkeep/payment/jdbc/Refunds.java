package io.orderkeep.payment.jdbc;

import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The refunds table: one row per refund asked, PENDING until the provider confirmed it, then SUCCEEDED or REFUSED. */
@Repository
public class Refunds {

    /** One refund as stored. */
    public record Refund(String id, String orderId, String attemptId, long amount, String status) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    Refunds(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Inserts a PENDING refund; another one of the order still pending surfaces as {@code DuplicateKeyException}. */
    public void insert(Refund refund, String reason) {
        long now = clock.millis();
        jdbc.sql("INSERT INTO refunds (id, order_id, attempt_id, amount, reason, status, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(refund.id(), refund.orderId(), refund.attemptId(), refund.amount(), reason, refund.status(), now, now)
                .update();
    }

    /** The refund of this order still waiting for a clear answer from the provider (a unique index allows one). */
    public Optional<Refund> pending(String orderId) {
        return jdbc.sql("SELECT id, order_id, attempt_id, amount, status FROM refunds WHERE order_id = ?"
                        + " AND status = 'PENDING'")
                .param(orderId)
                .query((rs, row) -> new Refund(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5)))
                .optional();
    }

    /** Moves a PENDING refund to {@code status}; answers whether it was still PENDING (false: already settled). */
    public boolean settle(String id, String status, String providerRef) {
        return jdbc.sql("UPDATE refunds SET status = ?, provider_ref = ?, updated_at = ? WHERE id = ? AND status = 'PENDING'")
                .params(status, providerRef, clock.millis(), id).update() == 1;
    }
}
