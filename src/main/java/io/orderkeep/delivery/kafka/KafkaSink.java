package io.orderkeep.delivery.kafka;

import io.orderkeep.delivery.DeliveryProperties;
import io.orderkeep.delivery.outbox.FeedSequencer;
import io.orderkeep.platform.Dialect;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Streams the event feed to Kafka, at least once, in feed order: key = order id (so one order's events stay in
 * one partition, in order), header {@code event-id} (and {@code event-type}), value = the webhook body. One instance
 * at a time holds the sink's position row; it sends a batch, waits for every acknowledgement, and only then moves
 * the position in the same transaction. A crash between the two sends the batch again: consumers deduplicate on
 * {@code event-id}.
 */
@Component
@ConditionalOnBooleanProperty("orderkeep.kafka.enabled")
public class KafkaSink {

    private static final Logger log = LoggerFactory.getLogger(KafkaSink.class);

    private final KafkaProducer<String, String> producer;
    private final KafkaSinkProperties properties;
    private final FeedSequencer sequencer;
    private final JdbcClient jdbc;
    private final Dialect dialect;
    private final TransactionTemplate transactions;
    private final boolean timerEnabled;

    KafkaSink(KafkaSinkProperties properties, DeliveryProperties delivery, FeedSequencer sequencer, JdbcClient jdbc,
            Dialect dialect, TransactionTemplate transactions) {
        var config = new HashMap<String, Object>(properties.producer());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) properties.sendTimeout().toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) properties.sendTimeout().toMillis() / 2);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
        this.properties = properties;
        this.sequencer = sequencer;
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.transactions = transactions;
        this.timerEnabled = delivery.dispatcherEnabled();
    }

    private record Event(long position, String id, String type, String merchantId, String orderId, String payload) {}

    /**
     * Hands the next batch of the feed to Kafka; returns how many events (0 when another instance holds the sink).
     * On PostgreSQL the sink's row stays locked while the batch is out, so instances take turns; on SQLite, whose
     * write lock would stop every writer meanwhile, the position moves only if nobody moved it (compare and set).
     */
    public int runOnce() {
        sequencer.sequence();
        if (dialect == Dialect.SQLITE) {
            return pass();
        }
        Integer sent = transactions.execute(status -> pass());
        return sent == null ? 0 : sent;
    }

    private int pass() {
        Long position = jdbc.sql("SELECT position FROM delivery_sink_positions WHERE sink = 'kafka'"
                + dialect.skipLocked()).query(Long.class).optional().orElse(null);
        if (position == null) {
            return 0;
        }
        List<Event> batch = jdbc.sql("""
                SELECT feed_position, id, type, merchant_id, order_id, payload FROM delivery_events
                WHERE feed_position > ? ORDER BY feed_position LIMIT ?""")
                .params(position, properties.batchSize())
                .query((rs, n) -> new Event(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .list();
        if (batch.isEmpty()) {
            return 0;
        }
        send(batch);
        int moved = jdbc.sql("UPDATE delivery_sink_positions SET position = ? WHERE sink = 'kafka' AND position = ?")
                .params(batch.getLast().position(), position).update();
        return moved == 1 ? batch.size() : 0;
    }

    private void send(List<Event> batch) {
        var acks = new ArrayList<Future<RecordMetadata>>(batch.size());
        for (Event event : batch) {
            var record = new ProducerRecord<>(properties.topicFor(event.merchantId()), event.orderId(), event.payload());
            record.headers().add("event-id", event.id().getBytes(StandardCharsets.UTF_8));
            record.headers().add("event-type", event.type().getBytes(StandardCharsets.UTF_8));
            acks.add(producer.send(record));
        }
        long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the batch; it will be sent again", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }

    @Scheduled(fixedDelayString = "${orderkeep.kafka.poll-interval:PT1S}", initialDelayString = "PT2S")
    void poll() {
        if (!timerEnabled) {
            return;
        }
        try {
            while (runOnce() == properties.batchSize()) {
                log.debug("a full batch went to Kafka; taking the next at once");
            }
        } catch (RuntimeException e) {
            log.warn("Kafka sink pass failed, the batch stays for the next pass: {}", e.getMessage());
        }
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
