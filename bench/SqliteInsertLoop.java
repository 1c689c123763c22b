import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;

/**
 * The SQLite reference for the intake benchmark: one writer inserting what Orderkeep writes for one order (the same
 * statements as bench/intake-pgbench.sql, with SQLite's per-day counter instead of a sequence), one transaction per
 * order plus the response update, on the same settings (WAL, synchronous=FULL), for a number of seconds.
 * Prints {@code rate=R orders=N}. Usage: {@code java -cp sqlite-jdbc.jar bench/SqliteInsertLoop.java DB_FILE SECONDS}
 */
public class SqliteInsertLoop {

    public static void main(String[] args) throws Exception {
        String url = "jdbc:sqlite:" + args[0] + "?journal_mode=WAL&synchronous=FULL&busy_timeout=10000";
        long seconds = Long.parseLong(args[1]);
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            var claim = c.prepareStatement("""
                    INSERT INTO idempotency_keys (merchant_id, idem_key, request_hash, state, order_id, locked_until, created_at)
                    VALUES ('m_bench', ?, 'hash', 'IN_PROGRESS', ?, 0, 0) ON CONFLICT (merchant_id, idem_key) DO NOTHING""");
            var counter = c.prepareStatement("""
                    INSERT INTO order_number_counters (merchant_id, day, last_value) VALUES ('m_bench', '20261125', 1)
                    ON CONFLICT (merchant_id, day) DO UPDATE SET last_value = last_value + 1 RETURNING last_value""");
            var order = c.prepareStatement("""
                    INSERT INTO orders (id, number, merchant_id, merchant_order_ref, status, currency, total_amount,
                        refunded_amount, items, customer, shipping_address, metadata, payment_request, payment_provider,
                        customer_email, customer_locale, needs_attention, attention_reason, created_at, updated_at, version)
                    VALUES (?, ?, 'm_bench', NULL, 'PENDING_PAYMENT', 'CNY', 2500, 0,
                        '[{"sku":"TEA-01","name":"Oolong 100g","quantity":2,"unitAmount":1250,"amount":2500}]',
                        '{"name":"Li Wei","email":"li.wei@example.com","phone":"+8613800138000","locale":"zh-CN"}',
                        '{"country":"CN","city":"Hangzhou","line1":"1 West Lake Rd","postalCode":"310000"}',
                        '{"channel":"bench"}', NULL, NULL, 'li.wei@example.com', 'zh-CN', 0, NULL, 0, 0, 1)""");
            var hop = c.prepareStatement("""
                    INSERT INTO order_hops (order_id, hop, state, due_at, returned_at, updated_at)
                    VALUES (?, 'accepted', 'RETURNED', 0, 0, 0)""");
            var history = c.prepareStatement("""
                    INSERT INTO order_history (order_id, seq, at, type, from_status, to_status, actor, source, reason, detail)
                    VALUES (?, 1, 0, 'order.created', NULL, 'PENDING_PAYMENT', 'key:key_admin', 'api', NULL, '{}')""");
            var head = c.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = 1");
            var audit = c.prepareStatement("""
                    INSERT INTO audit_entries (seq, at, actor, action, target_type, target_id, detail, prev_hash, hash)
                    VALUES (?, 0, 'key:key_admin', 'order.created', 'order', ?, '{"totalAmount":2500}', ?, ?)""");
            var moveHead = c.prepareStatement("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1");
            var complete = c.prepareStatement("""
                    UPDATE idempotency_keys SET state = 'DONE', response_status = 201, response_body = ?
                    WHERE merchant_id = 'm_bench' AND idem_key = ?""");
            String body = "x".repeat(1200);
            long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            long start = System.nanoTime();
            int n = 0;
            while (System.nanoTime() < end) {
                String id = "ord_loop_" + start + "_" + n;
                String key = "loop-" + start + "-" + n;
                exec(claim, key, id);
                long number;
                try (var rs = counter.executeQuery()) {
                    rs.next();
                    number = rs.getLong(1);
                }
                exec(order, id, "20261125-" + number);
                exec(hop, id);
                exec(history, id);
                long seq;
                String prev;
                try (var rs = head.executeQuery()) {
                    rs.next();
                    seq = rs.getLong(1) + 1;
                    prev = rs.getString(2);
                }
                String hash = Integer.toHexString((prev + id).hashCode());
                audit.setLong(1, seq);
                audit.setString(2, id);
                audit.setString(3, prev);
                audit.setString(4, hash);
                audit.executeUpdate();
                moveHead.setLong(1, seq);
                moveHead.setString(2, hash);
                moveHead.executeUpdate();
                c.commit();
                exec(complete, body, key);
                c.commit();
                n++;
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            System.out.printf("rate=%.1f orders=%d%n", n / elapsed, n);
        }
    }

    private static void exec(PreparedStatement statement, String... values) throws Exception {
        for (int i = 0; i < values.length; i++) {
            statement.setString(i + 1, values[i]);
        }
        statement.executeUpdate();
    }
}
