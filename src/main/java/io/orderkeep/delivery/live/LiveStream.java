package io.orderkeep.delivery.live;

import io.orderkeep.delivery.outbox.FeedSequencer;
import io.orderkeep.platform.Cursors;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live order changes as Server-Sent Events, for the console. Fed from the event feed (not from this instance's own
 * commits), so every instance streams every change, in commit order, whichever instance made it. Each message is
 * the change without the order's contents ({@code id}, {@code type}, {@code orderId}, {@code merchantId},
 * {@code status}, {@code timestamp}), so no customer data goes out on the stream; its SSE id is a feed cursor, and a
 * client that reconnects with {@code Last-Event-ID} gets what it missed.
 */
@Component
public class LiveStream {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    private static final int BATCH = 500;
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private record Subscriber(SseEmitter emitter, String merchantId) {
        boolean wants(String merchant) {
            return merchantId == null || merchantId.equals(merchant);
        }
    }

    private record Change(long position, Map<String, Object> message) {}

    private final JdbcClient jdbc;
    private final FeedSequencer sequencer;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    /** The last feed position streamed; -1 while nobody listens. */
    private long position = -1;
    private long lastKeepAlive = System.nanoTime();

    private final JsonMapper json;

    LiveStream(JdbcClient jdbc, FeedSequencer sequencer, JsonMapper json) {
        this.json = json;
        this.jdbc = jdbc;
        this.sequencer = sequencer;
    }

    /**
     * @param merchantId the merchant whose changes to stream, or null for all
     * @param lastEventId the cursor of the last message the client has, or null
     */
    public SseEmitter subscribe(String merchantId, String lastEventId) {
        var subscriber = new Subscriber(new SseEmitter(TIMEOUT.toMillis()), merchantId);
        subscriber.emitter().onCompletion(() -> subscribers.remove(subscriber));
        subscriber.emitter().onTimeout(() -> subscribers.remove(subscriber));
        subscriber.emitter().onError(e -> subscribers.remove(subscriber));
        synchronized (this) {
            if (position < 0) {
                position = jdbc.sql("SELECT position FROM delivery_feed_head WHERE id = 1").query(Long.class).single();
            }
            String after = Cursors.decode(lastEventId);
            if (after != null && after.matches("\\d{1,18}")) {
                changesAfter(Long.parseLong(after), position).forEach(change -> send(subscriber, change));
            }
            send(subscriber, null);
            subscribers.add(subscriber);
        }
        return subscriber.emitter();
    }

    /**
     * Streams the changes committed since the last pass; the timer calls it every half second. Every 15 s a
     * comment goes to each subscriber too, so that connections the client dropped are noticed and let go.
     */
    @Scheduled(fixedDelayString = "${orderkeep.delivery.live-interval:PT0.5S}")
    public synchronized void broadcast() {
        if (subscribers.isEmpty()) {
            position = -1;
            return;
        }
        if (System.nanoTime() - lastKeepAlive > KEEP_ALIVE.toNanos()) {
            lastKeepAlive = System.nanoTime();
            subscribers.forEach(subscriber -> send(subscriber, null));
        }
        sequencer.sequence();
        List<Change> changes = changesAfter(position, Long.MAX_VALUE);
        for (Change change : changes) {
            subscribers.forEach(subscriber -> send(subscriber, change));
            position = change.position();
        }
    }

    /** Ends every stream when the application stops, so that a graceful shutdown does not wait for them. */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        subscribers.forEach(subscriber -> subscriber.emitter().complete());
        subscribers.clear();
    }

    private List<Change> changesAfter(long after, long upTo) {
        return jdbc.sql("""
                SELECT feed_position, id, type, order_id, merchant_id, occurred_at, payload FROM delivery_events
                WHERE feed_position > ? AND feed_position <= ? ORDER BY feed_position LIMIT ?""")
                .params(after, upTo, BATCH)
                .query((rs, n) -> {
                    var message = new LinkedHashMap<String, Object>();
                    message.put("id", rs.getString(2));
                    message.put("type", rs.getString(3));
                    message.put("orderId", rs.getString(4));
                    message.put("merchantId", rs.getString(5));
                    message.put("status", status(rs.getString(7)));
                    message.put("timestamp", Instant.ofEpochMilli(rs.getLong(6)).toString());
                    return new Change(rs.getLong(1), message);
                })
                .list();
    }

    private String status(String payload) {
        var status = json.readTree(payload).path("data").path("status");
        return status.isString() ? status.asString() : null;
    }

    private void send(Subscriber subscriber, Change change) {
        try {
            if (change == null) {
                subscriber.emitter().send(SseEmitter.event().comment("keep-alive"));
            } else if (subscriber.wants((String) change.message().get("merchantId"))) {
                subscriber.emitter().send(SseEmitter.event()
                        .id(Cursors.encode(Long.toString(change.position())))
                        .name((String) change.message().get("type"))
                        .data(change.message(), MediaType.APPLICATION_JSON));
            }
        } catch (IOException | IllegalStateException gone) {
            subscribers.remove(subscriber);
            subscriber.emitter().completeWithError(gone);
        }
    }
}
