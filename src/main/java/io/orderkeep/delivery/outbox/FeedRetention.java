package io.orderkeep.delivery.outbox;

import io.orderkeep.delivery.DeliveryProperties;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drops events older than the retention (default 30 days) from the feed, with their deliveries and attempts. An
 * event a delivery still waits to send is kept until that delivery ends, so retention never loses a send.
 */
@Component
public class FeedRetention {

    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final DeliveryProperties properties;
    private final Clock clock;

    FeedRetention(JdbcClient jdbc, DeliveryProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** Removes one batch of expired events; returns how many (call again while it returns a full batch). */
    @Transactional
    public int cleanUp() {
        long before = clock.instant().minus(properties.retention()).toEpochMilli();
        List<String> expired = jdbc.sql("""
                SELECT e.id FROM delivery_events e
                WHERE e.recorded_at < ? AND e.feed_position IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = e.id
                                  AND d.status IN ('PENDING', 'RETRYING'))
                  AND NOT EXISTS (SELECT 1 FROM customer_emails m WHERE m.event_id = e.id
                                  AND m.status IN ('PENDING', 'RETRYING'))
                ORDER BY e.recorded_at LIMIT ?""")
                .params(before, BATCH).query(String.class).list();
        if (expired.isEmpty()) {
            return 0;
        }
        Map<String, Object> ids = Map.of("ids", expired);
        jdbc.sql("""
                DELETE FROM webhook_attempts WHERE delivery_id IN
                    (SELECT id FROM webhook_deliveries WHERE event_id IN (:ids))""").params(ids).update();
        jdbc.sql("DELETE FROM webhook_deliveries WHERE event_id IN (:ids)").params(ids).update();
        jdbc.sql("DELETE FROM customer_emails WHERE event_id IN (:ids)").params(ids).update();
        jdbc.sql("DELETE FROM delivery_events WHERE id IN (:ids)").params(ids).update();
        return expired.size();
    }
}
