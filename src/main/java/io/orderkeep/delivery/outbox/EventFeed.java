package io.orderkeep.delivery.outbox;

import io.orderkeep.platform.ApiException;
import io.orderkeep.platform.Cursors;
import io.orderkeep.platform.Page;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The merchant's pull feed: the same events as the webhooks, in feed position order ({@link FeedSequencer}). A
 * cursor is a feed position; a merchant that asks for events after a cursor has processed everything up to it, so
 * that read acknowledges those events and returns the merchant hop of orders whose latest event it covers.
 */
@Service
public class EventFeed {

    private static final int ACK_BATCH = 1000;

    private final JdbcClient jdbc;
    private final FeedSequencer sequencer;
    private final MerchantHop hop;
    private final JsonMapper json;
    private final Clock clock;

    EventFeed(JdbcClient jdbc, FeedSequencer sequencer, MerchantHop hop, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.sequencer = sequencer;
        this.hop = hop;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param after the cursor of the last event the reader has, or null from the oldest kept
     * @param acknowledge whether the reader is the merchant's own system (its reads acknowledge)
     * @return events after the cursor; {@code nextCursor} is the cursor to ask with next time, never null
     */
    @Transactional
    public Page<Map<String, Object>> read(String merchantId, String after, int limit, boolean acknowledge) {
        long position = position(after);
        sequencer.sequence();
        if (acknowledge && position > 0) {
            acknowledge(merchantId, position);
        }
        List<Map<String, Object>> events = jdbc.sql("""
                SELECT id, type, order_id, occurred_at, payload, feed_position FROM delivery_events
                WHERE merchant_id = ? AND feed_position > ? ORDER BY feed_position LIMIT ?""")
                .params(merchantId, position, limit)
                .query((rs, n) -> {
                    var event = new LinkedHashMap<String, Object>();
                    event.put("id", rs.getString(1));
                    event.put("type", rs.getString(2));
                    event.put("orderId", rs.getString(3));
                    event.put("timestamp", Instant.ofEpochMilli(rs.getLong(4)).toString());
                    event.put("data", json.readTree(rs.getString(5)).get("data"));
                    event.put("cursor", Cursors.encode(Long.toString(rs.getLong(6))));
                    return (Map<String, Object>) event;
                })
                .list();
        String next = events.isEmpty() ? Cursors.encode(Long.toString(position)) : (String) events.getLast().get("cursor");
        return new Page<>(events, next);
    }

    private void acknowledge(String merchantId, long upTo) {
        List<String[]> unacked = jdbc.sql("""
                SELECT e.id, e.order_id,
                       CASE WHEN e.order_seq = (SELECT MAX(l.order_seq) FROM delivery_events l WHERE l.order_id = e.order_id)
                            THEN 1 ELSE 0 END
                FROM delivery_events e
                WHERE e.merchant_id = ? AND e.acked_at IS NULL AND e.feed_position <= ?
                ORDER BY e.feed_position LIMIT ?""")
                .params(merchantId, upTo, ACK_BATCH)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getInt(3) == 1 ? "latest" : ""})
                .list();
        long now = clock.millis();
        for (String[] event : unacked) {
            jdbc.sql("UPDATE delivery_events SET acked_at = ? WHERE id = ?").params(now, event[0]).update();
            if ("latest".equals(event[2])) {
                hop.acknowledged(event[1]);
            }
        }
    }

    private static long position(String cursor) {
        String decoded = Cursors.decode(cursor);
        if (decoded == null) {
            return 0;
        }
        try {
            long position = Long.parseLong(decoded);
            if (position < 0) {
                throw new NumberFormatException();
            }
            return position;
        } catch (NumberFormatException e) {
            throw ApiException.validation("after", "is not a cursor returned by this feed");
        }
    }
}
