package io.orderkeep.delivery.live;

import io.orderkeep.delivery.outbox.FeedSequencer;
import io.orderkeep.platform.Cursors;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
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
 * Live order changes as Server-Sent Events, for the console (by merchant) and for a customer's tracking page (one
 * order). Fed from the event feed (not from this instance's own commits), so every instance streams every change,
 * in commit order, whichever instance made it. No message carries the customer's contact data (see
 * {@link LiveChange}); its SSE id is a feed cursor, and a client that reconnects with {@code Last-Event-ID} gets
 * what it missed.
 */
@Component
public class LiveStream {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    private static final int BATCH = 500;
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    /** Who listens: staff to a merchant's changes (null: every merchant's), or a customer to one order's. */
    private sealed interface Scope {
        boolean wants(LiveChange change);

        Map<String, Object> message(LiveChange change);
    }

    private record MerchantScope(String merchantId) implements Scope {
        public boolean wants(LiveChange change) {
            return merchantId == null || merchantId.equals(change.merchantId());
        }

        public Map<String, Object> message(LiveChange change) {
            return change.staffMessage();
        }
    }

    private record OrderScope(String orderId) implements Scope {
        public boolean wants(LiveChange change) {
            return orderId.equals(change.orderId());
        }

        public Map<String, Object> message(LiveChange change) {
            return change.customerMessage();
        }
    }

    private record Subscriber(SseEmitter emitter, Scope scope) {}

    private final JdbcClient jdbc;
    private final FeedSequencer sequencer;
    private final JsonMapper json;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    /** The last feed position streamed; -1 while nobody listens. */
    private long position = -1;
    private long lastKeepAlive = System.nanoTime();

    LiveStream(JdbcClient jdbc, FeedSequencer sequencer, JsonMapper json) {
        this.json = json;
        this.jdbc = jdbc;
        this.sequencer = sequencer;
    }

    /**
     * The changes of a merchant's orders, for staff.
     *
     * @param merchantId the merchant whose changes to stream, or null for all
     * @param lastEventId the cursor of the last message the client has, or null
     */
    public SseEmitter subscribe(String merchantId, String lastEventId) {
        return subscribe(new MerchantScope(merchantId), lastEventId);
    }

    /**
     * The changes of one order, for its customer: status, payment status and the hops' states, nothing about the
     * customer. The caller has checked that the customer may see the order (its tracking token). These events
     * have no SSE name (the type is in the data), so a browser's {@code EventSource.onmessage} hears them all.
     */
    public SseEmitter subscribeToOrder(String orderId, String lastEventId) {
        return subscribe(new OrderScope(orderId), lastEventId);
    }

    private SseEmitter subscribe(Scope scope, String lastEventId) {
        var subscriber = new Subscriber(new SseEmitter(TIMEOUT.toMillis()), scope);
        subscriber.emitter().onCompletion(() -> subscribers.remove(subscriber));
        subscriber.emitter().onTimeout(() -> subscribers.remove(subscriber));
        subscriber.emitter().onError(e -> subscribers.remove(subscriber));
        String after = Cursors.decode(lastEventId);
        synchronized (this) {
            if (position < 0) {
                position = jdbc.sql("SELECT position FROM delivery_feed_head WHERE id = 1").query(Long.class).single();
            }
            if (after != null && after.matches("\\d{1,18}") && !catchUp(subscriber, Long.parseLong(after))) {
                return subscriber.emitter();
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
        List<LiveChange> changes = changesAfter(position, Long.MAX_VALUE, null, null);
        for (LiveChange change : changes) {
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

    /**
     * Sends a reconnecting client what its scope missed after {@code after}, up to where the stream is, a page at a
     * time: however long the gap and however busy the other merchants, since only its own changes are read.
     * Answers false if the client went away meanwhile.
     */
    private boolean catchUp(Subscriber subscriber, long after) {
        String merchantId = subscriber.scope() instanceof MerchantScope m ? m.merchantId() : null;
        String orderId = subscriber.scope() instanceof OrderScope o ? o.orderId() : null;
        long from = after;
        while (true) {
            List<LiveChange> page = changesAfter(from, position, merchantId, orderId);
            for (LiveChange change : page) {
                if (!send(subscriber, change)) {
                    return false;
                }
            }
            if (page.size() < BATCH) {
                return true;
            }
            from = page.getLast().position();
        }
    }

    /** Up to {@value #BATCH} changes in feed order, of every merchant's orders or one merchant's, or of one order. */
    private List<LiveChange> changesAfter(long after, long upTo, String merchantId, String orderId) {
        var query = jdbc.sql("""
                SELECT feed_position, id, type, order_id, merchant_id, occurred_at, payload FROM delivery_events
                WHERE feed_position > ? AND feed_position <= ?"""
                + (merchantId == null ? "" : " AND merchant_id = ?") + (orderId == null ? "" : " AND order_id = ?")
                + " ORDER BY feed_position LIMIT ?")
                .param(after).param(upTo);
        if (merchantId != null) {
            query = query.param(merchantId);
        }
        if (orderId != null) {
            query = query.param(orderId);
        }
        return query.param(BATCH)
                .query((rs, n) -> new LiveChange(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)),
                        json.readTree(rs.getString(7)).path("data")))
                .list();
    }

    /** Sends a change the subscriber's scope wants (null: a keep-alive comment); answers false if the client is gone. */
    private boolean send(Subscriber subscriber, LiveChange change) {
        try {
            if (change == null) {
                subscriber.emitter().send(SseEmitter.event().comment("keep-alive"));
            } else if (subscriber.scope().wants(change)) {
                var event = SseEmitter.event().id(Cursors.encode(Long.toString(change.position())));
                // A browser's EventSource hears unnamed events with one handler; staff clients pick by type.
                if (subscriber.scope() instanceof MerchantScope) {
                    event.name(change.type());
                }
                subscriber.emitter().send(event.data(subscriber.scope().message(change), MediaType.APPLICATION_JSON));
            }
            return true;
        } catch (IOException | IllegalStateException gone) {
            subscribers.remove(subscriber);
            subscriber.emitter().completeWithError(gone);
            return false;
        }
    }
}
