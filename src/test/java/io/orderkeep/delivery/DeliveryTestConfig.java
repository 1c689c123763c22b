package io.orderkeep.delivery;

import io.orderkeep.order.HopLedger;
import io.orderkeep.order.OrderEvent;
import io.orderkeep.order.domain.EventType;
import io.orderkeep.order.domain.HopName;
import io.orderkeep.platform.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.annotation.Transactional;

@TestConfiguration(proxyBeanMethods = false)
class DeliveryTestConfig {

    @Bean
    TestOrderEvents testOrderEvents(ApplicationEventPublisher publisher, Clock clock) {
        return new TestOrderEvents(publisher, clock);
    }

    @Bean
    @Primary
    RecordingHopLedger recordingHopLedger(ObjectProvider<HopLedger> ledgers, JdbcClient jdbc) {
        return new RecordingHopLedger(ledgers, jdbc);
    }

    /** Publishes order events inside a transaction, exactly as the order module does with each change. */
    static class TestOrderEvents {
        private final ApplicationEventPublisher publisher;
        private final Clock clock;

        TestOrderEvents(ApplicationEventPublisher publisher, Clock clock) {
            this.publisher = publisher;
            this.clock = clock;
        }

        OrderEvent event(String merchantId, String orderId, EventType type) {
            return new OrderEvent(Ids.next("evt", clock), type, orderId, merchantId, "li.wei@example.com", "zh-CN",
                    clock.instant(), Map.of("id", orderId, "merchantId", merchantId, "status", type.name()));
        }

        @Transactional
        OrderEvent publish(String merchantId, String orderId, EventType type) {
            OrderEvent event = event(merchantId, orderId, type);
            publisher.publishEvent(event);
            return event;
        }

        /** Publishes a prepared event, as the order module would within its change. */
        @Transactional
        OrderEvent publish(OrderEvent event) {
            publisher.publishEvent(event);
            return event;
        }

        /** Publishes, then fails the transaction: the change and its event roll back together. */
        @Transactional
        void publishThenFail(OrderEvent event) {
            publisher.publishEvent(event);
            throw new IllegalStateException("the change failed after its event was published");
        }

        /** Publishes with no transaction at all: a bug the outbox refuses. */
        void publishWithoutTransaction(OrderEvent event) {
            publisher.publishEvent(event);
        }
    }

    /**
     * A hop ledger that remembers every mark, and passes the marks of real orders (those the orders API made) on to
     * the order module's ledger; most tests here publish events for orders that exist only in the event.
     */
    static class RecordingHopLedger implements HopLedger {
        record Mark(String orderId, HopName hop, String state, Instant at) {}

        final List<Mark> marks = new CopyOnWriteArrayList<>();
        private final ObjectProvider<HopLedger> ledgers;
        private final JdbcClient jdbc;

        RecordingHopLedger(ObjectProvider<HopLedger> ledgers, JdbcClient jdbc) {
            this.ledgers = ledgers;
            this.jdbc = jdbc;
        }

        private void real(String orderId, Consumer<HopLedger> mark) {
            var others = ledgers.stream().filter(ledger -> ledger != this).toList();
            if (!others.isEmpty()
                    && jdbc.sql("SELECT COUNT(*) FROM orders WHERE id = ?").param(orderId).query(Long.class).single() > 0) {
                others.forEach(mark);
            }
        }

        List<String> states(String orderId) {
            return marks.stream().filter(m -> m.orderId().equals(orderId) && m.hop() == HopName.MERCHANT)
                    .map(Mark::state).toList();
        }

        List<String> states(String orderId, HopName hop) {
            return marks.stream().filter(m -> m.orderId().equals(orderId) && m.hop() == hop).map(Mark::state).toList();
        }

        Mark last(String orderId) {
            return marks.stream().filter(m -> m.orderId().equals(orderId)).reduce((a, b) -> b).orElseThrow();
        }

        @Override
        public void open(String orderId, HopName hop, Instant dueAt) {
            marks.add(new Mark(orderId, hop, "PENDING", dueAt));
            real(orderId, ledger -> ledger.open(orderId, hop, dueAt));
        }

        @Override
        public void returned(String orderId, HopName hop, Instant at) {
            marks.add(new Mark(orderId, hop, "RETURNED", at));
            real(orderId, ledger -> ledger.returned(orderId, hop, at));
        }

        @Override
        public void failed(String orderId, HopName hop, Instant at) {
            marks.add(new Mark(orderId, hop, "FAILED", at));
            real(orderId, ledger -> ledger.failed(orderId, hop, at));
        }

        @Override
        public void skipped(String orderId, HopName hop, Instant at) {
            marks.add(new Mark(orderId, hop, "SKIPPED", at));
            real(orderId, ledger -> ledger.skipped(orderId, hop, at));
        }
    }
}
