package io.orderkeep.ops.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.orderkeep.payment.NotificationAccepted;
import io.orderkeep.payment.PaymentProvider;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * {@code orderkeep_notification_lag_seconds{provider}}: from a provider's event time to our receipt, one sample per
 * notification accepted by this instance (after its transaction committed, so a rolled-back receipt is not
 * counted). Fixed buckets, so that Prometheus can compute quantiles across instances; every configured provider's
 * series exists from the start, at zero.
 */
@Component
class NotificationLagMetrics {

    /** From well within a second (a healthy provider) to an hour (a notification retried for a long time). */
    private static final Duration[] BUCKETS = {Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1)};

    private final MeterRegistry meters;

    NotificationLagMetrics(MeterRegistry meters, List<PaymentProvider> providers) {
        this.meters = meters;
        providers.forEach(p -> timer(p.name()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(NotificationAccepted accepted) {
        accepted.lag().ifPresent(lag -> timer(accepted.provider()).record(lag));
    }

    private Timer timer(String provider) {
        return Timer.builder("orderkeep.notification.lag")
                .description("From the provider's event time to Orderkeep's receipt of the notification")
                .tag("provider", provider)
                .serviceLevelObjectives(BUCKETS)
                .register(meters);
    }
}
