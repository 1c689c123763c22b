package io.orderkeep.order.jdbc;

import io.orderkeep.platform.Dialect;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Human-readable order numbers {@code yyyyMMdd-NNNNNN}: the day in the merchant's time zone, then a counter, so
 * that numbers sort by day. On SQLite a counter per merchant and day is bumped in the order's transaction; on
 * PostgreSQL one sequence serves every day, because a counter row would make concurrent intakes queue on its lock
 * (numbers stay unique and sortable by day; within a day they keep increasing, with gaps).
 */
@Repository
public class OrderNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final JdbcClient jdbc;
    private final Dialect dialect;

    OrderNumbers(JdbcClient jdbc, Dialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /** The next number; must run inside the transaction that inserts the order. */
    public String next(String merchantId, ZoneId zone, Instant at) {
        String day = DAY.format(at.atZone(zone));
        long counter = dialect == Dialect.POSTGRESQL
                ? jdbc.sql("SELECT nextval('order_number_seq')").query(Long.class).single()
                : jdbc.sql("""
                        INSERT INTO order_number_counters (merchant_id, day, last_value) VALUES (?, ?, 1)
                        ON CONFLICT (merchant_id, day) DO UPDATE SET last_value = order_number_counters.last_value + 1
                        RETURNING last_value""")
                        .params(merchantId, day).query(Long.class).single();
        return day + "-" + String.format("%06d", counter);
    }
}
