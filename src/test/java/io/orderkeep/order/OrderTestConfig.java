package io.orderkeep.order;

import io.orderkeep.support.MutableClock;
import io.orderkeep.order.domain.HopName;
import io.orderkeep.platform.ApiException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The one configuration every order test shares (so they share one application context): a movable clock and an event recorder. */
@TestConfiguration(proxyBeanMethods = false)
@Import(MutableClock.Config.class)
public class OrderTestConfig {

    @Bean
    CapturedEvents capturedEvents() {
        return new CapturedEvents();
    }

    /** Refuses, as the payments module does when the provider says the order was paid, for reason "paid meanwhile". */
    @Bean
    CancellationGuard paidMeanwhileGuard() {
        return (order, change) -> {
            if ("paid meanwhile".equals(change.reason())) {
                throw ApiException.conflict("order_paid", "Order paid", "The provider says order " + order.id() + " was paid.");
            }
        };
    }

    @Bean
    RecordingOpening recordingOpening(HopLedger hops) {
        return new RecordingOpening(hops);
    }

    /**
     * An {@link OrderOpening} like the payments module's: it records each call, opens the payment hop for provider
     * {@code hopper}, and throws for provider {@code broken}.
     */
    public static class RecordingOpening implements OrderOpening {

        private final HopLedger hops;
        private final List<String> openedOrders = new CopyOnWriteArrayList<>();

        RecordingOpening(HopLedger hops) {
            this.hops = hops;
        }

        @Override
        public void open(OrderSnapshot order, Map<String, Object> paymentRequest) {
            openedOrders.add(order.id());
            if ("broken".equals(paymentRequest.get("provider"))) {
                throw new IllegalStateException("simulated: the provider is down");
            }
            if ("hopper".equals(paymentRequest.get("provider"))) {
                hops.open(order.id(), HopName.PAYMENT, order.createdAt().plus(Duration.ofMinutes(15)));
            }
        }

        public long timesOpened(String orderId) {
            return openedOrders.stream().filter(orderId::equals).count();
        }
    }

    /** Every {@link OrderEvent} published, with whether a transaction was open when it was. */
    public static class CapturedEvents {

        public record Captured(OrderEvent event, boolean inTransaction) {}

        private final List<Captured> events = new CopyOnWriteArrayList<>();
        private volatile String failFor;

        /** Makes every later event of this merchant fail as a storage failure would, inside the change's transaction. */
        public void failStorageFor(String merchantId) {
            failFor = merchantId;
        }

        @EventListener
        void on(OrderEvent event) {
            if (event.merchantId().equals(failFor)) {
                throw new DataAccessResourceFailureException("simulated: the database went away mid-transaction");
            }
            events.add(new Captured(event, TransactionSynchronizationManager.isActualTransactionActive()));
        }

        public List<Captured> of(String orderId) {
            return events.stream().filter(c -> c.event().orderId().equals(orderId)).toList();
        }
    }
}
