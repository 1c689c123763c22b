import java.sql.DriverManager;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The reference for the reconciliation benchmark: DuckDB (2 threads) reads the settlement file and the stored
 * payments exported as CSV, joins them (full outer join, by provider reference, falling back to the out trade
 * number) and classifies every row with Orderkeep's rules for payment rows: an earlier listing of the same
 * transaction, no local payment, currency or amount, the row saying no money moved, the local attempt not
 * collected; then payments collected in the day's window that no row named. Prints the counts and the time.
 *
 * <p>Usage: {@code java -cp duckdb_jdbc.jar bench/DuckReconcile.java DIR}
 */
public class DuckReconcile {

    public static void main(String[] args) throws Exception {
        String dir = args[0];
        long from = LocalDate.of(2026, 11, 21).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant().toEpochMilli();
        long until = from + 86_400_000L;
        long start = System.nanoTime();
        try (var c = DriverManager.getConnection("jdbc:duckdb:"); var s = c.createStatement()) {
            s.execute("SET threads=2");
            s.execute("SET preserve_insertion_order=false");
            s.execute("CREATE TABLE f AS SELECT row_number() OVER () AS line, * FROM read_csv('" + dir
                    + "/settlement.csv', header=true, all_varchar=true)");
            s.execute("CREATE TABLE p AS SELECT id, provider_ref, amount, currency, status, succeeded_at FROM read_csv('"
                    + dir + "/payments.csv', header=true, columns={'id':'VARCHAR','order_id':'VARCHAR',"
                    + "'provider':'VARCHAR','number':'INT','status':'VARCHAR','amount':'BIGINT','currency':'VARCHAR',"
                    + "'provider_ref':'VARCHAR','opened_at':'BIGINT','expires_at':'BIGINT','updated_at':'BIGINT',"
                    + "'succeeded_at':'BIGINT'})");
            String sql = """
                    WITH rows AS (
                        SELECT f.*, TRY_CAST(amount AS BIGINT) AS minor,
                            row_number() OVER (PARTITION BY type, transaction_id ORDER BY line) AS listing
                        FROM f),
                    -- Both joins are equi-joins (hash joins); COALESCE prefers the provider reference. A condition
                    -- "a.id IS NULL AND ..." on the second made it a nested loop.
                    matched AS (
                        SELECT r.*, COALESCE(a.id, b.id) AS pid, COALESCE(a.amount, b.amount) AS local_amount,
                            COALESCE(a.currency, b.currency) AS local_currency, COALESCE(a.status, b.status) AS local_status
                        FROM rows r
                        LEFT JOIN p a ON a.provider_ref = r.provider_ref
                        LEFT JOIN p b ON b.id = r.out_trade_no),
                    joined AS (
                        SELECT m.*, p.id AS window_id, p.succeeded_at
                        FROM matched m FULL OUTER JOIN (SELECT * FROM p WHERE succeeded_at >= %d AND succeeded_at < %d) p
                            ON p.id = m.pid)
                    SELECT kind, count(*) FROM (
                        SELECT CASE
                            WHEN line IS NULL THEN 'MISSING_AT_PROVIDER'
                            WHEN minor IS NULL OR minor < 0 THEN 'INVALID_ROW'
                            WHEN listing > 1 THEN 'DUPLICATE_PAYMENT'
                            WHEN pid IS NULL THEN 'MISSING_LOCAL'
                            WHEN local_currency <> currency OR local_amount <> minor THEN 'AMOUNT_MISMATCH'
                            WHEN status NOT IN ('SUCCESS', 'SUCCEEDED', 'REFUNDED') THEN
                                CASE WHEN local_status = 'SUCCEEDED' THEN 'STATUS_MISMATCH' ELSE 'MATCHED' END
                            WHEN local_status <> 'SUCCEEDED' THEN 'MISSING_LOCAL'
                            ELSE 'MATCHED' END AS kind
                        FROM joined)
                    GROUP BY kind ORDER BY kind""".formatted(from, until);
            var counts = new StringBuilder();
            try (var rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    counts.append(' ').append(rs.getString(1)).append('=').append(rs.getLong(2));
                }
            }
            System.out.printf("duckdb seconds=%.2f%s%n", (System.nanoTime() - start) / 1e9, counts);
        }
    }
}
