package io.orderkeep.order.jdbc;

import io.orderkeep.order.HopLedger;
import io.orderkeep.order.domain.Hop;
import io.orderkeep.order.domain.HopName;
import io.orderkeep.order.domain.HopState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The {@code order_hops} table, and the {@link HopLedger} other modules mark their hops through. */
@Repository
public class Hops implements HopLedger {

    /** Hops whose state is final: marking them again changes nothing. */
    private static final String UNLESS_RETURNED = " WHERE order_hops.state <> 'RETURNED'";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;

    Hops(JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
    }

    public void insert(String orderId, Hop hop) {
        jdbc.sql("INSERT INTO order_hops (order_id, hop, state, due_at, returned_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(orderId, hop.name().name(), hop.state().name(), hop.dueAt().toEpochMilli(),
                        hop.returnedAt() == null ? null : hop.returnedAt().toEpochMilli(), clock.millis())
                .update();
    }

    public List<Hop> of(String orderId) {
        return of(List.of(orderId)).getOrDefault(orderId, List.of());
    }

    /** The hops of several orders at once (a list page), in ledger order (accepted, payment, …). */
    public Map<String, List<Hop>> of(List<String> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        String marks = String.join(", ", Collections.nCopies(orderIds.size(), "?"));
        var result = new LinkedHashMap<String, List<Hop>>();
        jdbc.sql("SELECT order_id, hop, state, due_at, returned_at FROM order_hops WHERE order_id IN (" + marks + ")")
                .params(orderIds)
                .query((ResultSet rs) -> {
                    result.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(map(rs));
                });
        result.values().forEach(hops -> hops.sort((a, b) -> a.name().compareTo(b.name())));
        return result;
    }

    @Override
    @Transactional
    public void open(String orderId, HopName hop, Instant dueAt) {
        upsert(orderId, hop, HopState.PENDING, dueAt, null, "");
    }

    @Override
    @Transactional
    public void returned(String orderId, HopName hop, Instant at) {
        upsert(orderId, hop, HopState.RETURNED, at, at, UNLESS_RETURNED);
    }

    @Override
    @Transactional
    public void failed(String orderId, HopName hop, Instant at) {
        upsert(orderId, hop, HopState.FAILED, at, null, UNLESS_RETURNED);
    }

    @Override
    @Transactional
    public void skipped(String orderId, HopName hop, Instant at) {
        upsert(orderId, hop, HopState.SKIPPED, at, null, UNLESS_RETURNED);
    }

    /** One JDBC batch, in order id order so that two batches lock the same hops in the same order. */
    @Override
    @Transactional
    public void returned(Collection<String> orderIds, HopName hop, Instant at) {
        List<Object[]> rows = orderIds.stream().distinct().sorted()
                .map(id -> new Object[] {id, hop.name(), HopState.RETURNED.name(), at.toEpochMilli(), at.toEpochMilli(),
                        clock.millis()})
                .toList();
        if (!rows.isEmpty()) {
            batch.batchUpdate(UPSERT + UNLESS_RETURNED, rows);
        }
    }

    // A hop that was never opened (e.g. "returned" before "open") is created in its final state.
    private static final String UPSERT = """
            INSERT INTO order_hops (order_id, hop, state, due_at, returned_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (order_id, hop) DO UPDATE SET state = excluded.state,
                due_at = CASE WHEN excluded.state = 'PENDING' THEN excluded.due_at ELSE order_hops.due_at END,
                returned_at = excluded.returned_at, updated_at = excluded.updated_at""";

    private void upsert(String orderId, HopName hop, HopState state, Instant dueAt, Instant returnedAt, String unless) {
        jdbc.sql(UPSERT + unless)
                .params(orderId, hop.name(), state.name(), dueAt.toEpochMilli(),
                        returnedAt == null ? null : returnedAt.toEpochMilli(), clock.millis())
                .update();
    }

    private static Hop map(ResultSet rs) throws SQLException {
        long returned = rs.getLong(5);
        Instant returnedAt = rs.wasNull() ? null : Instant.ofEpochMilli(returned);
        return new Hop(HopName.valueOf(rs.getString(2).toUpperCase(Locale.ROOT)), HopState.valueOf(rs.getString(3)),
                Instant.ofEpochMilli(rs.getLong(4)), returnedAt);
    }
}
