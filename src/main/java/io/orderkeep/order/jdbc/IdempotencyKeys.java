package io.orderkeep.order.jdbc;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code idempotency_keys} table, one row per (merchant, key). The primary key is what makes "one key, one
 * order" hold under concurrency: the second claim of a key finds the first one's row (on PostgreSQL it waits until
 * the first transaction ends).
 */
@Repository
public class IdempotencyKeys {

    public enum State { IN_PROGRESS, DONE }

    /** A claimed key: the order it made and, once final, the response to replay. */
    public record Key(String merchantId, String key, String requestHash, State state, String orderId,
            int responseStatus, String responseBody, Instant lockedUntil) {}

    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the key for a new order; false when the key was already claimed. Runs in the transaction that inserts
     * the order, so the claim and the order exist together or not at all.
     */
    public boolean claim(String merchantId, String key, String requestHash, String orderId, Instant lockedUntil, Instant now) {
        return jdbc.sql("""
                INSERT INTO idempotency_keys (merchant_id, idem_key, request_hash, state, order_id, locked_until, created_at)
                VALUES (?, ?, ?, 'IN_PROGRESS', ?, ?, ?) ON CONFLICT (merchant_id, idem_key) DO NOTHING""")
                .params(merchantId, key, requestHash, orderId, lockedUntil.toEpochMilli(), now.toEpochMilli())
                .update() == 1;
    }

    public Optional<Key> find(String merchantId, String key) {
        return jdbc.sql("""
                SELECT merchant_id, idem_key, request_hash, state, order_id, response_status, response_body, locked_until
                FROM idempotency_keys WHERE merchant_id = ? AND idem_key = ?""")
                .params(merchantId, key)
                .query((rs, n) -> new Key(rs.getString(1), rs.getString(2), rs.getString(3),
                        State.valueOf(rs.getString(4)), rs.getString(5), rs.getInt(6), rs.getString(7),
                        Instant.ofEpochMilli(rs.getLong(8))))
                .optional();
    }

    /**
     * Takes over a key whose owner stopped before finishing (its lock expired): true for exactly one of several
     * callers that try with the same expired lock.
     */
    public boolean takeOver(Key key, Instant lockedUntil) {
        return jdbc.sql("""
                UPDATE idempotency_keys SET locked_until = ?
                WHERE merchant_id = ? AND idem_key = ? AND state = 'IN_PROGRESS' AND locked_until = ?""")
                .params(lockedUntil.toEpochMilli(), key.merchantId(), key.key(), key.lockedUntil().toEpochMilli())
                .update() == 1;
    }

    /** Stores the final response, which every later request with this key gets again. */
    public void complete(String merchantId, String key, int status, String body) {
        jdbc.sql("""
                UPDATE idempotency_keys SET state = 'DONE', response_status = ?, response_body = ?
                WHERE merchant_id = ? AND idem_key = ?""")
                .params(status, body, merchantId, key)
                .update();
    }

    /** Forgets keys created before {@code cutoff}, at most {@code batch} of them; returns how many went. */
    public int deleteCreatedBefore(Instant cutoff, int batch) {
        return jdbc.sql("""
                DELETE FROM idempotency_keys WHERE (merchant_id, idem_key) IN (
                    SELECT merchant_id, idem_key FROM idempotency_keys WHERE created_at < ? LIMIT ?)""")
                .params(cutoff.toEpochMilli(), batch)
                .update();
    }
}
