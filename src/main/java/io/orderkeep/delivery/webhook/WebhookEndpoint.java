package io.orderkeep.delivery.webhook;

import java.time.Instant;
import java.util.List;
import org.springframework.modulith.NamedInterface;

/**
 * A merchant's webhook endpoint as the API shows it; never its secret.
 *
 * @param events the event wire names it subscribes to, or {@code ["*"]} for all
 * @param status {@code enabled}, or {@code disabled} with the reason (e.g. it answered 410 Gone)
 * @param previousSecretUntil while a rotated-out secret still signs, until when; else null
 */
@NamedInterface("webhook")
public record WebhookEndpoint(String id, String merchantId, String url, List<String> events, String description,
        String status, String disabledReason, Instant disabledAt, Instant previousSecretUntil, Instant createdAt,
        Instant updatedAt) {

    public boolean subscribes(String eventType) {
        return events.contains("*") || events.contains(eventType);
    }
}
