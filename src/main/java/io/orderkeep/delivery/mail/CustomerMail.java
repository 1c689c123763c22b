package io.orderkeep.delivery.mail;

import io.orderkeep.order.HopLedger;
import io.orderkeep.order.OrderEvent;
import io.orderkeep.order.domain.HopName;
import io.orderkeep.platform.Ids;
import java.time.Clock;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Queues the customer's e-mail for an order event, in the transaction of the change (the outbox), and opens the
 * customer hop: order accepted, paid, payment failed, repaired, refunded. A customer without an e-mail skips the
 * hop. Without Spring Mail configured nothing is queued and the customer hop is left alone.
 */
@Component
public class CustomerMail {

    private final ObjectProvider<JavaMailSender> sender;
    private final ObjectProvider<HopLedger> ledger;
    private final JdbcClient jdbc;
    private final MailProperties properties;
    private final Clock clock;

    CustomerMail(ObjectProvider<JavaMailSender> sender, ObjectProvider<HopLedger> ledger, JdbcClient jdbc,
            MailProperties properties, Clock clock) {
        this.sender = sender;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    public void enqueue(OrderEvent event, Instant now) {
        String type = event.type().wireName();
        if (sender.getIfAvailable() == null || !MailTemplates.knows(type)) {
            return;
        }
        if (event.customerEmail() == null || event.customerEmail().isBlank()) {
            ledger.ifAvailable(l -> l.skipped(event.orderId(), HopName.CUSTOMER, now));
            return;
        }
        jdbc.sql("""
                INSERT INTO customer_emails (id, event_id, order_id, recipient, locale, type, status, attempts,
                    next_attempt_at, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)""")
                .params(Ids.next("eml", clock), event.eventId(), event.orderId(), event.customerEmail(),
                        event.customerLocale() == null ? "en" : event.customerLocale(), type,
                        now.plus(properties.retrySchedule().getFirst()).toEpochMilli(), now.toEpochMilli(),
                        now.toEpochMilli())
                .update();
        ledger.ifAvailable(l -> l.open(event.orderId(), HopName.CUSTOMER, now.plus(properties.customerHopDue())));
    }
}
