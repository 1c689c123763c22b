package io.orderkeep.delivery.outbox;

import io.orderkeep.delivery.DeliveryProperties;
import io.orderkeep.delivery.domain.RetryPolicy;
import io.orderkeep.delivery.mail.CustomerMail;
import io.orderkeep.delivery.webhook.WebhookEndpoint;
import io.orderkeep.delivery.webhook.WebhookEndpoints;
import io.orderkeep.order.OrderEvent;
import io.orderkeep.platform.Dialect;
import io.orderkeep.platform.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transactional outbox. Order events are published synchronously inside the transaction of the change, and
 * this listener writes into that same transaction: the event (for the pull feed), one delivery per subscribed
 * endpoint, and the customer's e-mail. If the change rolls back, so does its event; if writing the event fails, so does the change.
 */
@Component
class Outbox {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final WebhookEndpoints endpoints;
    private final MerchantHop hop;
    private final CustomerMail customerMail;
    private final RetryPolicy retries;
    private final Clock clock;
    /** Insertion order: a sequence on PostgreSQL; on SQLite, with one writer at a time, the next number. */
    private final String nextRecordedSeq;

    Outbox(JdbcClient jdbc, JsonMapper json, WebhookEndpoints endpoints, MerchantHop hop, DeliveryProperties properties,
            Clock clock, Dialect dialect, CustomerMail customerMail) {
        this.customerMail = customerMail;
        this.nextRecordedSeq = dialect == Dialect.POSTGRESQL ? "nextval('delivery_events_recorded_seq')"
                : "(SELECT COALESCE(MAX(recorded_seq), 0) + 1 FROM delivery_events)";
        this.jdbc = jdbc;
        this.json = json;
        this.endpoints = endpoints;
        this.hop = hop;
        this.retries = new RetryPolicy(properties.retrySchedule(), properties.jitter());
        this.clock = clock;
    }

    @EventListener
    void record(OrderEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("order event " + event.eventId() + " was published outside a transaction:"
                    + " the outbox can only be written together with the change it describes");
        }
        Instant now = clock.instant();
        String type = event.type().wireName();
        var body = new LinkedHashMap<String, Object>();
        body.put("type", type);
        body.put("timestamp", event.at().toString());
        body.put("data", event.order());
        // The order's events are written one after the other under its row lock, so MAX + 1 is not raced; the
        // unique (order_id, order_seq) would refuse it if it were.
        long seq = jdbc.sql("SELECT COALESCE(MAX(order_seq), 0) + 1 FROM delivery_events WHERE order_id = ?")
                .param(event.orderId()).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO delivery_events (id, merchant_id, order_id, order_seq, type, occurred_at, recorded_at,
                    recorded_seq, payload)
                VALUES (?, ?, ?, ?, ?, ?, ?, """ + nextRecordedSeq + ", ?)")
                .params(event.eventId(), event.merchantId(), event.orderId(), seq, type, event.at().toEpochMilli(),
                        now.toEpochMilli(), json.writeValueAsString(body))
                .update();
        List<WebhookEndpoint> subscribers = endpoints.subscribers(event.merchantId(), type);
        long firstAttempt = now.plus(retries.first(ThreadLocalRandom.current()::nextDouble)).toEpochMilli();
        for (WebhookEndpoint endpoint : subscribers) {
            jdbc.sql("""
                    INSERT INTO webhook_deliveries (id, event_id, endpoint_id, merchant_id, order_id, order_seq, status,
                        attempts, round_attempts, next_attempt_at, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, 0, ?, ?, ?)""")
                    .params(Ids.next("dlv", clock), event.eventId(), endpoint.id(), event.merchantId(), event.orderId(),
                            seq, firstAttempt, now.toEpochMilli(), now.toEpochMilli())
                    .update();
        }
        customerMail.enqueue(event, now);
        if (subscribers.isEmpty()) {
            hop.nothingToSend(event.orderId(), now);
        } else {
            hop.opened(event.orderId(), now);
        }
    }
}
