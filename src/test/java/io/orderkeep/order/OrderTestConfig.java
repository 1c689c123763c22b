package io.orderkeep.order;

import io.orderkeep.support.MutableClock;
import java.util.List;
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
