package io.orderkeep.ops.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.MultiGauge.Row;
import io.micrometer.core.instrument.Tags;
import io.orderkeep.ops.OpsFigures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The business gauges, computed from the database on a schedule ({@code orderkeep.ops.metrics-interval}, 30 s)
 * rather than per scrape, so that a scrape costs nothing and many scrapers cannot load the database. Each refresh
 * is published as {@link OpsFigures} for the alerts.
 */
@Component
public class BusinessMetrics {

    private final FiguresReader reader;
    private final ReconciliationMetrics reconciliation;
    private final ApplicationEventPublisher events;
    private final AtomicReference<OpsFigures> last = new AtomicReference<>();
    private final MultiGauge unreturnedByHop;
    private final MultiGauge ordersByStatus;
    private final MultiGauge watchOutcomes;
    private final MultiGauge backlog;
    private final MultiGauge dead;
    private final MultiGauge attempts;

    BusinessMetrics(FiguresReader reader, ReconciliationMetrics reconciliation, MeterRegistry meters,
            ApplicationEventPublisher events) {
        this.reader = reader;
        this.reconciliation = reconciliation;
        this.events = events;
        unreturnedByHop = MultiGauge.builder("orderkeep.hops.unreturned")
                .description("Unreturned hops (overdue, failed or pending past due) by hop and age since due")
                .register(meters);
        ordersByStatus = MultiGauge.builder("orderkeep.orders").description("Orders by status").register(meters);
        watchOutcomes = MultiGauge.builder("orderkeep.watch.outcomes")
                .description("Order changes made by the watch: resolved by a provider query, escalated to a person")
                .register(meters);
        backlog = MultiGauge.builder("orderkeep.delivery.backlog")
                .description("Webhook deliveries waiting to be sent, by endpoint").register(meters);
        dead = MultiGauge.builder("orderkeep.delivery.dead.letters")
                .description("Webhook deliveries that gave up, by endpoint").register(meters);
        attempts = MultiGauge.builder("orderkeep.delivery.attempts")
                .description("Webhook delivery attempts made, by endpoint").register(meters);
        gauge(meters, "orderkeep.orders.unreturned", "Orders with at least one unreturned hop", OpsFigures::unreturnedOrders);
        gauge(meters, "orderkeep.orders.needing.attention", "Orders flagged for a person", OpsFigures::needingAttention);
        gauge(meters, "orderkeep.delivery.endpoints.disabled", "Webhook endpoints disabled after failing",
                f -> f.disabledEndpoints().size());
        gauge(meters, "orderkeep.delivery.unsequenced.events", "Outbox events not yet placed in the feed",
                OpsFigures::unsequencedEvents);
        gauge(meters, "orderkeep.delivery.oldest.due.seconds", "How long the most overdue webhook delivery has waited",
                f -> f.oldestDeliveryDue().toMillis() / 1000.0);
        gauge(meters, "orderkeep.watch.oldest.due.seconds", "How long the most overdue payment check has waited",
                f -> f.oldestWatchDue().toMillis() / 1000.0);
        gauge(meters, "orderkeep.payments.orphan.notifications", "Verified notifications for unknown payments, unresolved",
                OpsFigures::unresolvedOrphanNotifications);
    }

    /** Reads the figures now, updates every gauge and publishes them; the schedule calls it, so can a test. */
    @Scheduled(fixedDelayString = "${orderkeep.ops.metrics-interval:PT30S}", initialDelayString = "${orderkeep.ops.metrics-initial-delay:PT5S}")
    public OpsFigures refresh() {
        OpsFigures f = reader.read();
        last.set(f);
        List<Row<?>> hops = new ArrayList<>();
        f.unreturnedByHop().forEach((hop, ages) -> OpsFigures.AGE_BUCKETS.forEach(age ->
                hops.add(Row.of(Tags.of("hop", hop, "age", age), ages.getOrDefault(age, 0L)))));
        unreturnedByHop.register(hops, true);
        ordersByStatus.register(rows("status", f.ordersByStatus()), true);
        watchOutcomes.register(rows("outcome", Map.of("resolved_by_query", f.resolvedByQuery(),
                "escalated", f.escalated())), true);
        backlog.register(rows("endpoint", f.deliveryBacklog()), true);
        dead.register(rows("endpoint", f.deadLetters()), true);
        attempts.register(rows("endpoint", f.deliveryAttempts()), true);
        reconciliation.refresh();
        events.publishEvent(f);
        return f;
    }

    /** The figures of the last refresh, or null before the first. */
    public OpsFigures last() {
        return last.get();
    }

    private static List<Row<?>> rows(String tag, Map<String, Long> values) {
        List<Row<?>> rows = new ArrayList<>();
        values.forEach((key, value) -> rows.add(Row.of(Tags.of(tag, key == null ? "none" : key), value)));
        return rows;
    }

    private void gauge(MeterRegistry meters, String name, String description, ToDoubleFunction<OpsFigures> value) {
        Gauge.builder(name, last, ref -> ref.get() == null ? Double.NaN : value.applyAsDouble(ref.get()))
                .description(description).register(meters);
    }
}
