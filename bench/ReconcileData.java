import java.io.BufferedWriter;
import java.io.FileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The reconciliation benchmark's data: a sandbox settlement file of N rows for one day (Asia/Shanghai) and the N
 * payment attempts (with their orders) Orderkeep holds, written as CSV into DIR, then loaded into the database:
 * PostgreSQL by COPY, SQLite by batched inserts in one transaction. The schema must exist (Flyway ran).
 *
 * <p>Row i falls in a category by i % 100: 0–89 MATCHED; 90–92 MISSING_LOCAL (no local attempt for the row; one
 * in ten of the 92s instead an open order whose attempt is PENDING, which the run repairs through the state
 * machine); 93–94 AMOUNT_MISMATCH; 95 MISSING_AT_PROVIDER (no row); 96 DUPLICATE_PAYMENT (the row twice); 97–98
 * STATUS_MISMATCH (the row says FAILED); 99 INVALID_ROW (a malformed amount). So the file has exactly N rows and
 * Orderkeep exactly N attempts; those the file does not name for the categories without a local match settled the
 * day before (outside the window). Prints the expected counts.
 *
 * <p>Usage: {@code java -cp CLASSPATH bench/ReconcileData.java N DIR JDBC_URL [USER]}
 */
public class ReconcileData {

    static final LocalDate DAY = LocalDate.of(2026, 11, 21);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        String url = args[2];
        String user = args.length > 3 ? args[3] : null;
        Files.createDirectories(dir);
        long start = System.nanoTime();
        long[] counts = write(n, dir);
        System.err.printf("generated %,d rows in %.1f s%n", n, (System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, user, null)) {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                s.executeUpdate("INSERT INTO merchants (id, name, default_locale, time_zone, created_at) VALUES "
                        + "('m_bench', 'Bench Tea', 'zh-CN', 'Asia/Shanghai', 0) ON CONFLICT DO NOTHING");
            }
            if (url.startsWith("jdbc:postgresql")) {
                copy(c, "orders", dir.resolve("orders.csv"));
                copy(c, "payment_attempts", dir.resolve("payments.csv"));
            } else {
                insert(c, "orders", dir.resolve("orders.csv"));
                insert(c, "payment_attempts", dir.resolve("payments.csv"));
            }
            c.commit();
            try (var s = c.createStatement()) {
                c.setAutoCommit(true);
                s.execute(url.startsWith("jdbc:postgresql") ? "VACUUM ANALYZE" : "ANALYZE");
            }
        }
        System.err.printf("loaded in %.1f s%n", (System.nanoTime() - start) / 1e9);
        String[] kinds = {"MATCHED", "MISSING_LOCAL", "MISSING_AT_PROVIDER", "AMOUNT_MISMATCH", "STATUS_MISMATCH",
                "DUPLICATE_PAYMENT", "INVALID_ROW", "REPAIRS"};
        var line = new StringBuilder("expected");
        for (int k = 0; k < kinds.length; k++) {
            line.append(' ').append(kinds[k]).append('=').append(counts[k]);
        }
        System.out.println(line);
    }

    static final String ORDER_COLUMNS = "id,number,merchant_id,status,currency,total_amount,refunded_amount,items,"
            + "customer,customer_locale,needs_attention,created_at,updated_at,version";
    static final String PAYMENT_COLUMNS = "id,order_id,provider,number,status,amount,currency,provider_ref,opened_at,"
            + "expires_at,updated_at,succeeded_at";

    /** Writes the three CSV files; answers the expected count of each kind and the repairs. */
    static long[] write(int n, Path dir) throws IOException {
        long from = DAY.atStartOfDay(ZONE).toInstant().toEpochMilli();
        long[] counts = new long[8];
        try (BufferedWriter file = Files.newBufferedWriter(dir.resolve("settlement.csv"));
                BufferedWriter payments = Files.newBufferedWriter(dir.resolve("payments.csv"));
                BufferedWriter orders = Files.newBufferedWriter(dir.resolve("orders.csv"))) {
            file.write("transaction_id,provider_ref,out_trade_no,type,status,amount,currency,fee,occurred_at\n");
            payments.write(PAYMENT_COLUMNS + "\n");
            orders.write(ORDER_COLUMNS + "\n");
            for (int i = 0; i < n; i++) {
                int r = i % 100;
                String id = String.format("%09d", i);
                String attempt = "pay_" + id, order = "ord_" + id, ref = "pr_" + id, tx = "tx_" + id;
                long amount = 100 + (i * 7919L) % 99_900;
                long at = from + (long) ((i * 86_399_000L) / Math.max(1, n)) % 86_399_000L;
                String occurred = Instant.ofEpochMilli(at).toString();
                boolean noLocal = r >= 90 && r <= 92;
                boolean repair = r == 92 && (i / 100) % 10 == 0;
                String status = repair ? "PENDING" : "SUCCEEDED";
                // The attempts the file does not name settled the day before: not this file's business.
                long settled = noLocal || r == 99 ? at - 86_400_000L : at;
                String localRef = noLocal && !repair ? "other_" + id : repair ? "" : ref;
                payments.write(String.join(",", attempt, order, "sandbox", "1", status, Long.toString(amount), "CNY",
                        localRef, Long.toString(settled), Long.toString(settled + 1_800_000), Long.toString(settled),
                        repair ? "" : Long.toString(settled)));
                payments.write('\n');
                orders.write(String.join(",", order, "B" + id, "m_bench", repair ? "PENDING_PAYMENT" : "PAID", "CNY",
                        Long.toString(amount), "0", "\"[]\"", "\"{}\"", "zh-CN", "0", Long.toString(settled),
                        Long.toString(settled), "1"));
                orders.write('\n');
                String row = switch (r) {
                    case 93, 94 -> String.join(",", tx, ref, attempt, "PAYMENT", "SUCCESS", Long.toString(amount + 1));
                    case 97, 98 -> String.join(",", tx, ref, attempt, "PAYMENT", "FAILED", Long.toString(amount));
                    case 99 -> String.join(",", tx, ref, attempt, "PAYMENT", "SUCCESS", amount + ".5x");
                    // Neither reference nor out trade number is known locally.
                    default -> noLocal && !repair
                            ? String.join(",", tx, "nowhere_" + id, "absent_" + id, "PAYMENT", "SUCCESS",
                                    Long.toString(amount))
                            : String.join(",", tx, ref, attempt, "PAYMENT", "SUCCESS", Long.toString(amount));
                };
                if (r != 95) {
                    file.write(row + ",CNY,0," + occurred + "\n");
                }
                if (r == 96) {
                    file.write(row + ",CNY,0," + occurred + "\n");
                }
                int kind = switch (r) {
                    case 90, 91, 92 -> 1;
                    case 95 -> 2;
                    case 93, 94 -> 3;
                    case 97, 98 -> 4;
                    case 99 -> 6;
                    default -> 0;
                };
                counts[kind]++;
                if (r == 96) {
                    counts[5]++;
                }
                if (repair) {
                    counts[7]++;
                }
            }
        }
        return counts;
    }

    static void copy(Connection c, String table, Path csv) throws Exception {
        var copier = c.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
        String columns = table.equals("orders") ? ORDER_COLUMNS : PAYMENT_COLUMNS;
        try (var in = new FileReader(csv.toFile())) {
            copier.copyIn("COPY " + table + " (" + columns + ") FROM STDIN (FORMAT csv, HEADER true)", in);
        }
    }

    static void insert(Connection c, String table, Path csv) throws Exception {
        String columns = table.equals("orders") ? ORDER_COLUMNS : PAYMENT_COLUMNS;
        int width = columns.split(",").length;
        String marks = String.join(",", java.util.Collections.nCopies(width, "?"));
        try (var lines = Files.lines(csv); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ")")) {
            var it = lines.skip(1).iterator();
            int batch = 0;
            while (it.hasNext()) {
                String[] f = it.next().split(",", -1);
                for (int k = 0; k < width; k++) {
                    String v = f[k].startsWith("\"") ? f[k].substring(1, f[k].length() - 1) : f[k];
                    if (v.isEmpty()) {
                        ps.setNull(k + 1, java.sql.Types.VARCHAR);
                    } else {
                        ps.setString(k + 1, v);
                    }
                }
                ps.addBatch();
                if (++batch % 10_000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }
}
