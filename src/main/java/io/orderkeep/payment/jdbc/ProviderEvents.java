package io.orderkeep.payment.jdbc;

import io.orderkeep.payment.ProviderNotification;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Provider event ids seen (the deduplication of notifications) and notifications for payments we do not know. */
@Repository
public class ProviderEvents {

    private final JdbcClient jdbc;
    private final Clock clock;

    ProviderEvents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the event id; false when it was already seen, which makes this notification a duplicate. */
    public boolean firstSighting(String provider, ProviderNotification n) {
        return jdbc.sql("INSERT INTO provider_events (provider, event_id, out_trade_no, received_at) "
                        + "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(provider, n.eventId(), n.outTradeNo(), clock.millis())
                .update() == 1;
    }

    public void recordOrphan(String provider, ProviderNotification n, String body) {
        jdbc.sql("""
                INSERT INTO orphan_notifications (provider, event_id, out_trade_no, provider_ref, status, amount, currency,
                    body, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(provider, n.eventId(), n.outTradeNo(), n.providerRef(), n.status().name(), n.amount(),
                        n.currency(), body, clock.millis())
                .update();
    }

    public int orphanCount(String provider) {
        return jdbc.sql("SELECT COUNT(*) FROM orphan_notifications WHERE provider = ?").param(provider)
                .query(Integer.class).single();
    }
}
