package io.orderkeep.delivery.outbox;

import io.orderkeep.delivery.DeliveryProperties;
import io.orderkeep.order.HopLedger;
import io.orderkeep.order.domain.HopName;
import io.orderkeep.platform.Dialect;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The merchant hop of an order (DESIGN.md). It stands for all of the order's deliveries, not only its latest
 * event's: opened, with its due time, by each new event that has a subscribed endpoint; skipped only while none of
 * the order's events went to any endpoint; once none of the order's deliveries waits, failed if some event reached
 * none of its endpoints (all its deliveries dead), else returned. The merchant's feed read past the order's latest
 * event returns it too. Marks are made in the caller's transaction. The ledger belongs to the order module; without
 * one (a context without orders) the marks are not kept.
 */
@Component
public class MerchantHop {

    /** The advisory lock namespace of settling an order's merchant hop (the second key is the order id's hash). */
    private static final int SETTLE_LOCKS = 0x4d48;

    private final ObjectProvider<HopLedger> ledger;
    private final JdbcClient jdbc;
    private final DeliveryProperties properties;
    private final Clock clock;
    private final Dialect dialect;

    MerchantHop(ObjectProvider<HopLedger> ledger, JdbcClient jdbc, DeliveryProperties properties, Clock clock,
            Dialect dialect) {
        this.dialect = dialect;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    void opened(String orderId, Instant at) {
        mark(l -> l.open(orderId, HopName.MERCHANT, at.plus(properties.merchantHopDue())));
    }

    /**
     * After an event that no endpoint subscribes to: skipped if none of the order's events went to an endpoint;
     * otherwise the hop keeps the state its deliveries gave it (an earlier event may still be on its way).
     */
    void nothingToSend(String orderId, Instant at) {
        if (deliveries(orderId).isEmpty()) {
            mark(l -> l.skipped(orderId, HopName.MERCHANT, at));
        }
    }

    /** After a delivery of {@code eventId} succeeded: see {@link #settle}. */
    public void delivered(String eventId) {
        settle(eventId);
    }

    /** After a delivery of {@code eventId} ended dead: see {@link #settle}. */
    public void dead(String eventId) {
        settle(eventId);
    }

    /** The merchant's own system read the feed past the order's latest event. */
    void acknowledged(String orderId) {
        mark(l -> l.returned(orderId, HopName.MERCHANT, clock.instant()));
    }

    /** The deliveries of one of the order's events, by how they stand. */
    private record EventDeliveries(long waiting, long delivered) {}

    /**
     * Once none of the order's deliveries waits: failed if one of its events reached none of its endpoints, else
     * returned. While any waits, the hop stays open, and turns overdue at its due time.
     */
    private void settle(String eventId) {
        String orderId = jdbc.sql("SELECT order_id FROM delivery_events WHERE id = ?").param(eventId)
                .query(String.class).optional().orElse(null);
        if (orderId == null) {
            return;
        }
        if (dialect == Dialect.POSTGRESQL) {
            // Two deliveries of one order (to two endpoints) may end at once, each in its own transaction; each
            // would see the other still waiting and leave the hop open for good. Taken after this transaction wrote
            // its own delivery and before reading the others, the lock makes the second one read after the first
            // committed (read committed: each statement sees what committed before it). Held until commit.
            // On SQLite this transaction already holds the one write lock.
            jdbc.sql("SELECT pg_advisory_xact_lock(?, hashtext(?))").params(SETTLE_LOCKS, orderId)
                    .query((rs, n) -> 1).list();
        }
        List<EventDeliveries> events = deliveries(orderId);
        if (events.isEmpty() || events.stream().anyMatch(e -> e.waiting() > 0)) {
            return;
        }
        Instant now = clock.instant();
        if (events.stream().anyMatch(e -> e.delivered() == 0)) {
            mark(l -> l.failed(orderId, HopName.MERCHANT, now));
        } else {
            mark(l -> l.returned(orderId, HopName.MERCHANT, now));
        }
    }

    // Through the events' (order_id, order_seq) index, then the deliveries' event_id index.
    private List<EventDeliveries> deliveries(String orderId) {
        return jdbc.sql("""
                SELECT SUM(CASE WHEN d.status IN ('PENDING', 'RETRYING') THEN 1 ELSE 0 END),
                       SUM(CASE WHEN d.status = 'DELIVERED' THEN 1 ELSE 0 END)
                FROM delivery_events e JOIN webhook_deliveries d ON d.event_id = e.id
                WHERE e.order_id = ? GROUP BY e.id""")
                .param(orderId)
                .query((rs, n) -> new EventDeliveries(rs.getLong(1), rs.getLong(2)))
                .list();
    }

    private void mark(Consumer<HopLedger> action) {
        ledger.ifAvailable(action);
    }
}
