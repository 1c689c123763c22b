package io.orderkeep.order;

import io.orderkeep.order.jdbc.Orders;
import io.orderkeep.order.jdbc.StoredOrder;
import io.orderkeep.platform.ApiException;
import io.orderkeep.platform.Caller;
import io.orderkeep.platform.Page;
import io.orderkeep.platform.Role;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the console's dashboard and unreturned list show about orders, scoped to what the caller may see (a merchant
 * user sees its own merchant's only). The definitions are the API's: an order is unreturned while a hop is overdue,
 * failed or pending past its due time ({@code GET /api/v1/orders?unreturned=true}); an unreturned hop's age is how
 * long ago it was due, in the buckets of the metrics ({@code lt_5m}, {@code 5m_1h}, {@code 1h_1d}, {@code gt_1d}).
 */
@Service
public class OrderFigures {

    public static final List<String> AGE_BUCKETS = List.of("lt_5m", "5m_1h", "1h_1d", "gt_1d");
    /**
     * The provider of an order that names none ({@code payment_provider} NULL): its payment is opened with the
     * payment module's default ({@code payment.internal.Providers.DEFAULT}, which this module cannot see), so the
     * provider filter counts it there. OrderFiguresTest fails if the two ever differ.
     */
    public static final String DEFAULT_PROVIDER = "sandbox";
    private static final String UNRETURNED_HOP = "(h.state IN ('OVERDUE', 'FAILED') OR (h.state = 'PENDING' AND h.due_at < ?))";

    /**
     * @param unreturnedByHop unreturned hops by hop name, then by age bucket
     * @param unreturnedOrders orders with at least one unreturned hop
     * @param byStatus orders by status
     */
    public record Summary(Map<String, Map<String, Long>> unreturnedByHop, long unreturnedOrders,
            Map<String, Long> byStatus, long needingAttention) {}

    /** Orders created in an hour, and orders whose last hop came back in it. */
    public record Hour(Instant start, long created, long returned) {}

    /** The unreturned list's filters; each may be null. */
    public record UnreturnedFilter(String hop, String age, String merchantId, String provider) {}

    private final JdbcClient jdbc;
    private final Orders orders;
    private final OrderQueries queries;

    OrderFigures(JdbcClient jdbc, Orders orders, OrderQueries queries) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.queries = queries;
    }

    public Summary summary(Caller caller) {
        String merchant = scope(caller, null);
        long now = queries.now().toEpochMilli();
        String and = merchant == null ? "" : " AND o.merchant_id = ?";
        var params = new ArrayList<Object>(List.of(now));
        if (merchant != null) {
            params.add(merchant);
        }
        var byHop = new TreeMap<String, Map<String, Long>>();
        var orderIds = new java.util.HashSet<String>();
        jdbc.sql("SELECT h.order_id, h.hop, h.due_at FROM order_hops h JOIN orders o ON o.id = h.order_id WHERE "
                        + UNRETURNED_HOP + and)
                .params(params)
                .query((rs, n) -> {
                    orderIds.add(rs.getString(1));
                    byHop.computeIfAbsent(rs.getString(2).toLowerCase(Locale.ROOT), h -> new TreeMap<>())
                            .merge(ageBucket(Duration.ofMillis(Math.max(0, now - rs.getLong(3)))), 1L, Long::sum);
                    return null;
                }).list();
        var byStatus = new TreeMap<String, Long>();
        jdbc.sql("SELECT status, COUNT(*) FROM orders o" + (merchant == null ? "" : " WHERE o.merchant_id = ?")
                        + " GROUP BY status")
                .params(merchant == null ? List.of() : List.of(merchant))
                .query((rs, n) -> byStatus.put(rs.getString(1), rs.getLong(2))).list();
        long attention = jdbc.sql("SELECT COUNT(*) FROM orders o WHERE needs_attention = TRUE"
                        + (merchant == null ? "" : " AND o.merchant_id = ?"))
                .params(merchant == null ? List.of() : List.of(merchant)).query(Long.class).single();
        return new Summary(byHop, orderIds.size(), byStatus, attention);
    }

    /** The last {@code hours} hours, oldest first: orders created, and orders that came back whole, per hour. */
    public List<Hour> hourly(Caller caller, int hours) {
        String merchant = scope(caller, null);
        Instant end = queries.now().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        Instant start = end.minus(hours, ChronoUnit.HOURS);
        long[] created = new long[hours];
        long[] returned = new long[hours];
        String and = merchant == null ? "" : " AND o.merchant_id = ?";
        var params = new ArrayList<Object>(List.of(start.toEpochMilli(), start.toEpochMilli()));
        if (merchant != null) {
            params.add(merchant);
        }
        // An order has come back when none of its hops is still open; it came back when its last hop did.
        jdbc.sql("""
                SELECT o.created_at, MAX(h.returned_at),
                       SUM(CASE WHEN h.state IN ('RETURNED', 'SKIPPED') THEN 0 ELSE 1 END)
                FROM orders o JOIN order_hops h ON h.order_id = o.id
                WHERE (o.created_at >= ? OR o.updated_at >= ?)""" + and + " GROUP BY o.id, o.created_at")
                .params(params)
                .query((rs, n) -> {
                    add(created, start, rs.getLong(1));
                    if (rs.getLong(3) == 0 && rs.getObject(2) != null) {
                        add(returned, start, rs.getLong(2));
                    }
                    return null;
                }).list();
        var result = new ArrayList<Hour>();
        for (int i = 0; i < hours; i++) {
            result.add(new Hour(start.plus(i, ChronoUnit.HOURS), created[i], returned[i]));
        }
        return result;
    }

    /** Unreturned orders, most overdue first, with the filters of the console's unreturned list. */
    public List<Map<String, Object>> unreturned(Caller caller, UnreturnedFilter filter, int limit) {
        String merchant = scope(caller, blank(filter.merchantId()));
        long now = queries.now().toEpochMilli();
        var conditions = new ArrayList<String>(List.of(UNRETURNED_HOP));
        var params = new ArrayList<Object>(List.of(now));
        if (merchant != null) {
            conditions.add("o.merchant_id = ?");
            params.add(merchant);
        }
        if (blank(filter.hop()) != null) {
            conditions.add("h.hop = ?");
            params.add(filter.hop().toUpperCase(Locale.ROOT));
        }
        if (blank(filter.provider()) != null) {
            conditions.add("COALESCE(o.payment_provider, ?) = ?");
            params.add(DEFAULT_PROVIDER);
            params.add(filter.provider().strip());
        }
        if (blank(filter.age()) != null) {
            long[] range = ageRange(filter.age());
            conditions.add("h.due_at <= ? AND h.due_at > ?");
            params.add(now - range[0]);
            params.add(now - range[1]);
        }
        params.add(Page.limit(limit));
        List<String> ids = jdbc.sql("SELECT o.id, MIN(h.due_at) FROM orders o JOIN order_hops h ON h.order_id = o.id WHERE "
                        + String.join(" AND ", conditions) + " GROUP BY o.id ORDER BY MIN(h.due_at), o.id LIMIT ?")
                .params(params)
                .query((rs, n) -> rs.getString(1)).list();
        List<StoredOrder> found = ids.stream().map(id -> orders.find(id).orElseThrow()).toList();
        return queries.render(caller, new Page<>(found, null)).data();
    }

    public static String ageBucket(Duration overdue) {
        if (overdue.compareTo(Duration.ofMinutes(5)) < 0) {
            return "lt_5m";
        }
        if (overdue.compareTo(Duration.ofHours(1)) < 0) {
            return "5m_1h";
        }
        return overdue.compareTo(Duration.ofDays(1)) < 0 ? "1h_1d" : "gt_1d";
    }

    /** [at least, less than] milliseconds overdue for an age bucket. */
    private static long[] ageRange(String bucket) {
        return switch (bucket) {
            case "lt_5m" -> new long[] {0, Duration.ofMinutes(5).toMillis()};
            case "5m_1h" -> new long[] {Duration.ofMinutes(5).toMillis(), Duration.ofHours(1).toMillis()};
            case "1h_1d" -> new long[] {Duration.ofHours(1).toMillis(), Duration.ofDays(1).toMillis()};
            case "gt_1d" -> new long[] {Duration.ofDays(1).toMillis(), Long.MAX_VALUE / 2};
            default -> throw ApiException.validation("age", "must be one of " + String.join(", ", AGE_BUCKETS));
        };
    }

    /** The merchant a caller's figures are limited to (null: all); a merchant naming another merchant sees nothing. */
    private static String scope(Caller caller, String merchantId) {
        if (caller.role() == Role.MERCHANT) {
            if (merchantId != null && !merchantId.equals(caller.merchantId())) {
                throw ApiException.notFound("Merchant", merchantId);
            }
            return caller.merchantId();
        }
        return merchantId;
    }

    private static void add(long[] buckets, Instant start, long at) {
        long index = (at - start.toEpochMilli()) / Duration.ofHours(1).toMillis();
        if (at >= start.toEpochMilli() && index < buckets.length) {
            buckets[(int) index]++;
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

}
