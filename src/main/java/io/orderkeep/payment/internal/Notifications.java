package io.orderkeep.payment.internal;

import io.orderkeep.audit.AuditTrail;
import io.orderkeep.order.Change;
import io.orderkeep.payment.NotificationAccepted;
import io.orderkeep.payment.NotificationVerdict;
import io.orderkeep.payment.PaymentProvider;
import io.orderkeep.payment.ProviderNotification;
import io.orderkeep.payment.jdbc.PaymentAttempts;
import io.orderkeep.payment.jdbc.ProviderEvents;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notifications in. Each one — raw body, signature header and our verdict — goes to the audit trail, whatever
 * becomes of it. A verified one is a hint: deduplicated by the provider's event id, for an unknown payment kept
 * for reconciliation, otherwise applied like any other answer from the provider (it only moves forward). Each
 * first sighting is published as {@link NotificationAccepted} (the notification lag is measured from it).
 */
@Component
public class Notifications {

    /** What the endpoint should answer. */
    public enum Verdict { APPLIED, DUPLICATE, ORPHAN, REJECTED }

    public record Received(Verdict verdict, String reason) {}

    private final AuditTrail audit;
    private final ProviderEvents events;
    private final PaymentAttempts attempts;
    private final Outcomes outcomes;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    Notifications(AuditTrail audit, ProviderEvents events, PaymentAttempts attempts, Outcomes outcomes,
            ApplicationEventPublisher publisher, Clock clock) {
        this.audit = audit;
        this.events = events;
        this.attempts = attempts;
        this.outcomes = outcomes;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Transactional
    public Received receive(PaymentProvider provider, Map<String, String> headers, byte[] body) {
        String actor = "provider:" + provider.name();
        String raw = new String(body, StandardCharsets.UTF_8);
        var detail = new LinkedHashMap<String, Object>();
        detail.put("headers", headers);
        detail.put("body", raw);
        NotificationVerdict verdict = provider.verify(headers, body);
        if (verdict instanceof NotificationVerdict.Rejected rejected) {
            detail.put("verdict", "REJECTED");
            detail.put("reason", rejected.reason());
            audit.record(actor, "payment.notification_rejected", "provider", provider.name(), detail);
            return new Received(Verdict.REJECTED, rejected.reason());
        }
        ProviderNotification n = ((NotificationVerdict.Verified) verdict).notification();
        Verdict outcome;
        Instant receivedAt = clock.instant();
        if (!events.firstSighting(provider.name(), n, receivedAt)) {
            outcome = Verdict.DUPLICATE;
        } else if (attempts.find(n.outTradeNo()).filter(a -> a.provider().equals(provider.name())).isEmpty()) {
            events.recordOrphan(provider.name(), n, raw);
            outcome = Verdict.ORPHAN;
        } else {
            outcome = Verdict.APPLIED;
        }
        if (outcome != Verdict.DUPLICATE) {
            publisher.publishEvent(new NotificationAccepted(provider.name(), n.eventId(), n.outTradeNo(),
                    n.occurredAt(), receivedAt));
        }
        detail.put("verdict", "VERIFIED");
        detail.put("outcome", outcome.name());
        if (outcome == Verdict.APPLIED) {
            outcomes.apply(n.outTradeNo(), n.payment(), new Change(actor, "notification",
                    "the provider notified the payment's status", Map.of("eventId", n.eventId())), false, false);
        }
        // After the order's changes: the audit head is always the last lock a transaction takes.
        audit.record(actor, "payment.notification_received", "payment", n.outTradeNo(), detail);
        return new Received(outcome, null);
    }
}
