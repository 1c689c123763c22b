import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Table work for the delivery benchmark, straight over JDBC on Orderkeep's own database (PostgreSQL or SQLite).
 *
 * <ul>
 *   <li>{@code fill URL MERCHANT SEED_ORDER N}: in one transaction, N copies of a real order (new id and number),
 *       each with its {@code order.created} event and one PENDING delivery per enabled endpoint of the merchant:
 *       the rows Orderkeep's outbox writes, so that its running dispatcher finds N deliveries due at once.
 *       Prints {@code committed_ms=…}.</li>
 *   <li>{@code claim URL N WORKERS BATCH}: the reference. Copies the {@code webhook_deliveries} table shape into
 *       {@code bench_claim} with N due rows, then WORKERS connections claim BATCH rows at a time with
 *       {@code FOR UPDATE SKIP LOCKED} (on SQLite: one writer, no clause) and delete them, one transaction per
 *       batch, until none is left. Prints {@code rows=N seconds=S rate=R}.</li>
 * </ul>
 *
 * <p>Usage: {@code java -cp <jdbc driver jar> bench/DeliveryRows.java fill|claim …}
 */
public class DeliveryRows {

    public static void main(String[] args) throws Exception {
        String url = args[1];
        if (args[0].equals("fill")) {
            fill(url, args[2], args[3], Integer.parseInt(args[4]));
        } else {
            claim(url, Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
        }
    }

    static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, "postgres", "");
    }

    static void fill(String url, String merchant, String seedOrder, int n) throws SQLException {
        boolean pg = url.startsWith("jdbc:postgresql:");
        try (Connection c = connect(url)) {
            c.setAutoCommit(false);
            var columns = new ArrayList<String>();
            try (var rs = c.createStatement().executeQuery("SELECT * FROM orders WHERE 1 = 0")) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    columns.add(rs.getMetaData().getColumnName(i));
                }
            }
            String copied = String.join(", ", columns.stream()
                    .map(col -> switch (col) {
                        case "id", "number" -> "?";
                        case "merchant_order_ref" -> "NULL";
                        default -> col;
                    }).toList());
            var order = c.prepareStatement("INSERT INTO orders (" + String.join(", ", columns) + ") SELECT " + copied
                    + " FROM orders WHERE id = ?");
            String payload;
            try (var rs = c.createStatement().executeQuery(
                    "SELECT payload FROM delivery_events WHERE order_id = '" + seedOrder + "' ORDER BY order_seq LIMIT 1")) {
                rs.next();
                payload = rs.getString(1);
            }
            var endpoints = new ArrayList<String>();
            try (var rs = c.createStatement().executeQuery(
                    "SELECT id FROM webhook_endpoints WHERE status = 'enabled' AND merchant_id = '" + merchant + "'")) {
                while (rs.next()) {
                    endpoints.add(rs.getString(1));
                }
            }
            long seq;
            try (var rs = c.createStatement().executeQuery("SELECT COALESCE(MAX(recorded_seq), 0) FROM delivery_events")) {
                rs.next();
                seq = rs.getLong(1);
            }
            var event = c.prepareStatement("""
                    INSERT INTO delivery_events (id, merchant_id, order_id, order_seq, type, occurred_at, recorded_at,
                        recorded_seq, payload) VALUES (?, ?, ?, 1, 'order.created', ?, ?, """
                    + (pg ? "nextval('delivery_events_recorded_seq')" : "?") + ", ?)");
            var delivery = c.prepareStatement("""
                    INSERT INTO webhook_deliveries (id, event_id, endpoint_id, merchant_id, order_id, order_seq, status,
                        attempts, round_attempts, next_attempt_at, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, 1, 'PENDING', 0, 0, ?, ?, ?)""");
            String run = Long.toString(System.nanoTime(), 36);
            long now = System.currentTimeMillis();
            for (int i = 0; i < n; i++) {
                String orderId = "ord_bench_" + run + "_" + i;
                order.setString(1, orderId);
                order.setString(2, "B" + run + "-" + i);
                order.setString(3, seedOrder);
                order.addBatch();
                String eventId = "evt_bench_" + run + "_" + i;
                int p = 1;
                event.setString(p++, eventId);
                event.setString(p++, merchant);
                event.setString(p++, orderId);
                event.setLong(p++, now);
                event.setLong(p++, now);
                if (!pg) {
                    event.setLong(p++, seq + i + 1);
                }
                event.setString(p, payload);
                event.addBatch();
                for (String endpoint : endpoints) {
                    delivery.setString(1, "dlv_bench_" + run + "_" + i + "_" + endpoint);
                    delivery.setString(2, eventId);
                    delivery.setString(3, endpoint);
                    delivery.setString(4, merchant);
                    delivery.setString(5, orderId);
                    delivery.setLong(6, now);
                    delivery.setLong(7, now);
                    delivery.setLong(8, now);
                    delivery.addBatch();
                }
            }
            order.executeBatch();
            event.executeBatch();
            delivery.executeBatch();
            c.commit();
            System.out.println("committed_ms=" + System.currentTimeMillis());
        }
    }

    static void claim(String url, int n, int workers, int batch) throws Exception {
        boolean pg = url.startsWith("jdbc:postgresql:");
        try (Connection c = connect(url)) {
            var s = c.createStatement();
            s.execute("DROP TABLE IF EXISTS bench_claim");
            if (pg) {
                s.execute("CREATE TABLE bench_claim (LIKE webhook_deliveries INCLUDING ALL)");
            } else {
                s.execute("CREATE TABLE bench_claim AS SELECT * FROM webhook_deliveries WHERE 0");
                s.execute("CREATE UNIQUE INDEX bench_claim_id ON bench_claim (id)");
                s.execute("CREATE INDEX bench_claim_due ON bench_claim (next_attempt_at) WHERE status IN ('PENDING', 'RETRYING')");
            }
            c.setAutoCommit(false);
            var insert = c.prepareStatement("""
                    INSERT INTO bench_claim (id, event_id, endpoint_id, merchant_id, order_id, order_seq, status,
                        attempts, round_attempts, next_attempt_at, created_at, updated_at)
                    VALUES (?, ?, 'whe_bench', 'm_bench', ?, 1, 'PENDING', 0, 0, ?, 0, 0)""");
            for (int i = 0; i < n; i++) {
                insert.setString(1, "dlv_" + i);
                insert.setString(2, "evt_" + i);
                insert.setString(3, "ord_" + i);
                insert.setLong(4, i);
                insert.addBatch();
            }
            insert.executeBatch();
            c.commit();
        }
        var done = new AtomicLong();
        long started = System.nanoTime();
        try (var pool = Executors.newFixedThreadPool(workers)) {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                running.add(pool.submit(() -> {
                    try (Connection c = connect(url)) {
                        c.setAutoCommit(false);
                        var select = c.prepareStatement("""
                                SELECT id FROM bench_claim WHERE status IN ('PENDING', 'RETRYING') AND next_attempt_at <= ?
                                ORDER BY next_attempt_at, id LIMIT ?""" + (pg ? " FOR UPDATE SKIP LOCKED" : ""));
                        while (true) {
                            select.setLong(1, Long.MAX_VALUE);
                            select.setInt(2, batch);
                            var ids = new ArrayList<String>();
                            try (var rs = select.executeQuery()) {
                                while (rs.next()) {
                                    ids.add(rs.getString(1));
                                }
                            }
                            if (ids.isEmpty()) {
                                c.commit();
                                return null;
                            }
                            var delete = c.prepareStatement("DELETE FROM bench_claim WHERE id IN ("
                                    + String.join(", ", ids.stream().map(id -> "?").toList()) + ")");
                            for (int i = 0; i < ids.size(); i++) {
                                delete.setString(i + 1, ids.get(i));
                            }
                            delete.executeUpdate();
                            c.commit();
                            done.addAndGet(ids.size());
                        }
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("rows=%d seconds=%.2f rate=%.1f%n", done.get(), seconds, done.get() / seconds);
        try (Connection c = connect(url)) {
            c.createStatement().execute("DROP TABLE bench_claim");
        }
    }
}
