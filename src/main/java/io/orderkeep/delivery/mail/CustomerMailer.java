package io.orderkeep.delivery.mail;

import io.orderkeep.delivery.domain.RetryPolicy;
import io.orderkeep.delivery.domain.RetryPolicy.Verdict;
import io.orderkeep.order.HopLedger;
import io.orderkeep.order.domain.HopName;
import io.orderkeep.platform.Dialect;
import jakarta.mail.MessagingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends queued customer e-mails after their change committed, so a slow or failing mail server never holds up an
 * order. Claimed with a lease like webhook deliveries; accepted by the SMTP server returns the customer hop, a
 * failure is retried on {@code orderkeep.mail.retry-schedule}, and the last failure fails the hop.
 */
@Component
public class CustomerMailer {

    private static final Logger log = LoggerFactory.getLogger(CustomerMailer.class);
    private static final long LEASE_MILLIS = 120_000;

    private final ObjectProvider<JavaMailSender> sender;
    private final ObjectProvider<HopLedger> ledger;
    private final JdbcClient jdbc;
    private final Dialect dialect;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final MailProperties properties;
    private final RetryPolicy retries;
    private final Clock clock;
    private final String owner = "mailer-" + UUID.randomUUID();

    CustomerMailer(ObjectProvider<JavaMailSender> sender, ObjectProvider<HopLedger> ledger, JdbcClient jdbc,
            Dialect dialect, TransactionTemplate transactions, JsonMapper json, MailProperties properties, Clock clock) {
        this.sender = sender;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.transactions = transactions;
        this.json = json;
        this.properties = properties;
        this.retries = new RetryPolicy(properties.retrySchedule(), 0.1);
        this.clock = clock;
    }

    private record Queued(String id, String orderId, String recipient, String locale, String type, int attempts,
            String payload) {}

    /** Sends the e-mails due now; returns how many were tried. */
    public int runOnce() {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            return 0;
        }
        List<Queued> due = transactions.execute(status -> claim());
        for (Queued queued : due) {
            String error = send(mail, queued);
            transactions.executeWithoutResult(status -> record(queued, error));
        }
        return due.size();
    }

    private List<Queued> claim() {
        long now = clock.millis();
        List<String> ids = jdbc.sql("""
                SELECT id FROM customer_emails WHERE status IN ('PENDING', 'RETRYING') AND next_attempt_at <= ?
                  AND (lease_until IS NULL OR lease_until <= ?)
                ORDER BY next_attempt_at, id LIMIT 20""" + dialect.skipLocked())
                .params(now, now).query(String.class).list();
        if (ids.isEmpty()) {
            return List.of();
        }
        jdbc.sql("UPDATE customer_emails SET lease_until = :until, lease_owner = :owner WHERE id IN (:ids)")
                .params(Map.of("until", now + LEASE_MILLIS, "owner", owner, "ids", ids)).update();
        return jdbc.sql("""
                SELECT m.id, m.order_id, m.recipient, m.locale, m.type, m.attempts, e.payload
                FROM customer_emails m JOIN delivery_events e ON e.id = m.event_id WHERE m.id IN (:ids)""")
                .param("ids", ids)
                .query((rs, n) -> new Queued(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getString(7)))
                .list();
    }

    /** Returns null when the SMTP server accepted the mail, else what went wrong. */
    @SuppressWarnings("unchecked")
    private String send(JavaMailSender mail, Queued queued) {
        try {
            Map<String, Object> order = (Map<String, Object>) json.readValue(queued.payload(), Map.class).get("data");
            var content = MailTemplates.render(queued.type(), queued.locale(), order);
            var message = mail.createMimeMessage();
            var helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.from());
            helper.setTo(queued.recipient());
            helper.setSubject(content.subject());
            helper.setText(content.body());
            mail.send(message);
            return null;
        } catch (MailException | MessagingException e) {
            log.warn("customer e-mail {} for order {} not accepted: {}", queued.id(), queued.orderId(),
                    e.getClass().getSimpleName());
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
    }

    private void record(Queued queued, String error) {
        Instant now = clock.instant();
        Verdict verdict = retries.after(error == null ? 250 : null, null, queued.attempts() + 1, now,
                ThreadLocalRandom.current()::nextDouble);
        String status = switch (verdict) {
            case Verdict.Delivered d -> "SENT";
            case Verdict.RetryAt r -> "RETRYING";
            case Verdict.Dead d -> "DEAD";
            case Verdict.Gone g -> "DEAD";
        };
        long next = verdict instanceof Verdict.RetryAt(Instant at) ? at.toEpochMilli() : now.toEpochMilli();
        int updated = jdbc.sql("""
                UPDATE customer_emails SET status = ?, attempts = attempts + 1, next_attempt_at = ?, last_error = ?,
                    lease_until = NULL, lease_owner = NULL, updated_at = ?
                WHERE id = ? AND lease_owner = ?""")
                .params(status, next, error, now.toEpochMilli(), queued.id(), owner).update();
        if (updated == 1 && status.equals("SENT")) {
            ledger.ifAvailable(l -> l.returned(queued.orderId(), HopName.CUSTOMER, now));
        } else if (updated == 1 && status.equals("DEAD")) {
            ledger.ifAvailable(l -> l.failed(queued.orderId(), HopName.CUSTOMER, now));
        }
    }
}
