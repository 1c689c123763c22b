package io.orderkeep.payment.jdbc;

import io.orderkeep.payment.NotificationLag;
import io.orderkeep.payment.NotificationLags;
import io.orderkeep.payment.ProviderNotification;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Provider event ids seen (the deduplication of notifications, with the provider's event time for the lag) and
 * notifications for payments we do not know.
 */
@Repository
public class ProviderEvents implements NotificationLags {

    private final JdbcClient jdbc;
    private final Clock clock;

    ProviderEvents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the event id, received at {@code receivedAt}; false when it was already seen (a duplicate). */
    public boolean firstSighting(String provider, ProviderNotification n, Instant receivedAt) {
        return jdbc.sql("INSERT INTO provider_events (provider, event_id, out_trade_no, received_at, occurred_at) "
                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(provider, n.eventId(), n.outTradeNo(), receivedAt.toEpochMilli(),
                        n.occurredAt() == null ? null : n.occurredAt().toEpochMilli())
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

    /** Sorted in SQL and ranked here: SQLite has no percentile function, and an hour of notifications is small. */
    @Override
    public List<NotificationLag> since(Instant from) {
        var lags = new LinkedHashMap<String, List<Duration>>();
        jdbc.sql("""
                SELECT provider, received_at - occurred_at AS lag FROM provider_events
                WHERE received_at >= ? AND occurred_at IS NOT NULL ORDER BY provider, lag""")
                .param(from.toEpochMilli())
                .query((rs, i) -> Map.entry(rs.getString(1), Duration.ofMillis(Math.max(0, rs.getLong(2)))))
                .list()
                .forEach(e -> lags.computeIfAbsent(e.getKey(), p -> new ArrayList<>()).add(e.getValue()));
        var out = new ArrayList<NotificationLag>();
        lags.forEach((provider, sorted) -> out.add(NotificationLag.of(provider, sorted)));
        return out;
    }
}
