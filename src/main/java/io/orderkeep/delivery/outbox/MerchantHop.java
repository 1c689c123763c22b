package io.orderkeep.delivery.outbox;

import io.orderkeep.delivery.DeliveryProperties;
import io.orderkeep.order.HopLedger;
import io.orderkeep.order.domain.HopName;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The merchant hop of an order (DESIGN.md): opened, with its due time, by each new event that has a subscribed
 * endpoint, skipped when the merchant has none; returned once the order's latest event reached the merchant (a
 * webhook 2xx, or the merchant's feed read past it), failed when its deliveries all ended dead. Marks are made in
 * the caller's transaction. The ledger belongs to the order module; without one (a context without orders) the
 * marks are not kept.
 */
@Component
public class MerchantHop {

    private final ObjectProvider<HopLedger> ledger;
    private final JdbcClient jdbc;
    private final DeliveryProperties properties;
    private final Clock clock;

    MerchantHop(ObjectProvider<HopLedger> ledger, JdbcClient jdbc, DeliveryProperties properties, Clock clock) {
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    void opened(String orderId, Instant at) {
        mark(l -> l.open(orderId, HopName.MERCHANT, at.plus(properties.merchantHopDue())));
    }

    void skipped(String orderId, Instant at) {
        mark(l -> l.skipped(orderId, HopName.MERCHANT, at));
    }

    /** After a delivery of {@code eventId} succeeded: returned, if it is the order's latest event and none waits. */
    public void delivered(String eventId) {
        var state = latestState(eventId);
        if (state != null && state.latest() && state.waiting() == 0) {
            mark(l -> l.returned(state.orderId(), HopName.MERCHANT, clock.instant()));
        }
    }

    /** After a delivery of {@code eventId} ended dead: failed, if it is the latest event and no endpoint got it. */
    public void dead(String eventId) {
        var state = latestState(eventId);
        if (state != null && state.latest() && state.waiting() == 0 && state.delivered() == 0) {
            mark(l -> l.failed(state.orderId(), HopName.MERCHANT, clock.instant()));
        }
    }

    /** The merchant's own system read the feed past the order's latest event. */
    void acknowledged(String orderId) {
        mark(l -> l.returned(orderId, HopName.MERCHANT, clock.instant()));
    }

    private record EventState(String orderId, boolean latest, long waiting, long delivered) {}

    private EventState latestState(String eventId) {
        return jdbc.sql("""
                SELECT e.order_id,
                       e.order_seq = (SELECT MAX(l.order_seq) FROM delivery_events l WHERE l.order_id = e.order_id),
                       (SELECT COUNT(*) FROM webhook_deliveries d WHERE d.event_id = e.id AND d.status IN ('PENDING', 'RETRYING')),
                       (SELECT COUNT(*) FROM webhook_deliveries d WHERE d.event_id = e.id AND d.status = 'DELIVERED')
                FROM delivery_events e WHERE e.id = ?""")
                .param(eventId)
                .query((rs, n) -> new EventState(rs.getString(1), rs.getBoolean(2), rs.getLong(3), rs.getLong(4)))
                .optional().orElse(null);
    }

    private void mark(Consumer<HopLedger> action) {
        ledger.ifAvailable(action);
    }
}
