package io.orderkeep.order.jdbc;

import io.orderkeep.order.domain.LineItem;
import io.orderkeep.order.domain.OrderStatus;
import io.orderkeep.platform.Dialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code orders} table. */
@Repository
public class Orders {

    static final String COLUMNS = """
            id, number, merchant_id, merchant_order_ref, status, currency, total_amount, refunded_amount, items,
            customer, shipping_address, metadata, payment_request, payment_provider, customer_email, customer_locale,
            needs_attention, attention_reason, created_at, updated_at, version""";
    private static final TypeReference<List<LineItem>> ITEMS = new TypeReference<>() {};
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Dialect dialect;

    Orders(JdbcClient jdbc, JsonMapper json, Dialect dialect) {
        this.jdbc = jdbc;
        this.json = json;
        this.dialect = dialect;
    }

    /** Inserts a new order; a merchant reference already taken surfaces as {@code DuplicateKeyException}. */
    public void insert(StoredOrder o) {
        jdbc.sql("INSERT INTO orders (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(o.id(), o.number(), o.merchantId(), o.merchantOrderRef(), o.status().name(), o.currency(),
                        o.totalAmount(), o.refundedAmount(), json.writeValueAsString(o.items()),
                        json.writeValueAsString(o.customer()), write(o.shippingAddress()), write(o.metadata()),
                        write(o.paymentRequest()), o.paymentProvider(), o.customerEmail(), o.customerLocale(),
                        o.needsAttention(), o.attentionReason(), o.createdAt().toEpochMilli(),
                        o.updatedAt().toEpochMilli(), o.version())
                .update();
    }

    public Optional<StoredOrder> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE id = ?").param(id).query(this::map).optional();
    }

    /** The order with its row locked until the transaction ends, so changes to one order queue up. */
    public Optional<StoredOrder> lock(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE id = ?" + dialect.forUpdate())
                .param(id).query(this::map).optional();
    }

    /** Writes a change made under the row lock; the version check guards against a caller that forgot the lock. */
    public void update(StoredOrder changed) {
        int updated = jdbc.sql("""
                UPDATE orders SET status = ?, refunded_amount = ?, needs_attention = ?, attention_reason = ?,
                       updated_at = ?, version = ?
                WHERE id = ? AND version = ?""")
                .params(changed.status().name(), changed.refundedAmount(), changed.needsAttention(),
                        changed.attentionReason(), changed.updatedAt().toEpochMilli(), changed.version(),
                        changed.id(), changed.version() - 1)
                .update();
        if (updated != 1) {
            throw new IllegalStateException("expected one row updated for order " + changed.id() + " at version "
                    + (changed.version() - 1) + ", got " + updated + ": indicates a bug");
        }
    }

    /** Newest first; {@code where} and {@code params} come from {@code OrderFilter}. */
    public List<StoredOrder> list(String where, List<Object> params, int limit) {
        var all = new ArrayList<>(params);
        all.add(limit);
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders o" + where + " ORDER BY created_at DESC, id DESC LIMIT ?")
                .params(all).query(this::map).list();
    }

    private String write(Map<String, Object> value) {
        return value == null ? null : json.writeValueAsString(value);
    }

    private Map<String, Object> read(String text) {
        return text == null ? null : json.readValue(text, OBJECT);
    }

    private StoredOrder map(ResultSet rs, int row) throws SQLException {
        return new StoredOrder(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                OrderStatus.valueOf(rs.getString(5)), rs.getString(6), rs.getLong(7), rs.getLong(8),
                json.readValue(rs.getString(9), ITEMS), read(rs.getString(10)), read(rs.getString(11)),
                read(rs.getString(12)), read(rs.getString(13)), rs.getString(14), rs.getString(15), rs.getString(16),
                rs.getBoolean(17), rs.getString(18), Instant.ofEpochMilli(rs.getLong(19)),
                Instant.ofEpochMilli(rs.getLong(20)), rs.getLong(21));
    }
}
