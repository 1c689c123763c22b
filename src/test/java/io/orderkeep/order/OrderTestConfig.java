package io.orderkeep.order;

import io.orderkeep.support.MutableClock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
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

    /** Every {@link OrderEvent} published, with whether a transaction was open when it was. */
    public static class CapturedEvents {

        public record Captured(OrderEvent event, boolean inTransaction) {}

        private final List<Captured> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(OrderEvent event) {
            events.add(new Captured(event, TransactionSynchronizationManager.isActualTransactionActive()));
        }

        public List<Captured> of(String orderId) {
            return events.stream().filter(c -> c.event().orderId().equals(orderId)).toList();
        }
    }
}
