package io.orderkeep.order.jdbc;

import io.orderkeep.order.domain.OrderStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code order_history} table: every change of an order, numbered from 1 per order. */
@Repository
public class OrderHistory {

    /** One change as the history shows it. {@code from} is null for the creation. */
    public record Entry(long seq, Instant at, String type, OrderStatus from, OrderStatus to, String actor,
            String source, String reason, Map<String, Object> detail) {}

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    OrderHistory(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The first entry of a new order. */
    public void created(String orderId, Entry entry) {
        insert(orderId, entry, "?");
    }

    /**
     * Appends an entry after the last one. The caller holds the order's row lock, so no other transaction can
     * take the same number.
     */
    public void append(String orderId, Entry entry) {
        insert(orderId, entry, "(SELECT COALESCE(MAX(seq), 0) + 1 FROM order_history WHERE order_id = ?)");
    }

    private void insert(String orderId, Entry e, String seq) {
        jdbc.sql("INSERT INTO order_history (order_id, seq, at, type, from_status, to_status, actor, source, reason, detail)"
                        + " VALUES (?, " + seq + ", ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(orderId, seq.equals("?") ? e.seq() : orderId, e.at().toEpochMilli(), e.type(),
                        e.from() == null ? null : e.from().name(), e.to().name(), e.actor(), e.source(), e.reason(),
                        json.writeValueAsString(e.detail()))
                .update();
    }

    public List<Entry> of(String orderId) {
        return jdbc.sql("""
                SELECT seq, at, type, from_status, to_status, actor, source, reason, detail
                FROM order_history WHERE order_id = ? ORDER BY seq""")
                .param(orderId)
                .query((rs, n) -> new Entry(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                        rs.getString(4) == null ? null : OrderStatus.valueOf(rs.getString(4)),
                        OrderStatus.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                        json.readValue(rs.getString(9), OBJECT)))
                .list();
    }
}
