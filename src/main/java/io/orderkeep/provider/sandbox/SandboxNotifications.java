package io.orderkeep.provider.sandbox;

import io.orderkeep.payment.NotificationVerdict;
import io.orderkeep.payment.ProviderNotification;
import io.orderkeep.payment.ProviderUnavailable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks and parses one sandbox notification: headers {@code sandbox-event-id}, {@code sandbox-timestamp} (Unix
 * seconds) and {@code sandbox-signature}; the signature first, the timestamp within the tolerance, then the body.
 */
final class SandboxNotifications {

    private final String secret;
    private final Duration tolerance;
    private final Clock clock;
    private final JsonMapper json;

    SandboxNotifications(String secret, Duration tolerance, Clock clock, JsonMapper json) {
        this.secret = secret;
        this.tolerance = tolerance;
        this.clock = clock;
        this.json = json;
    }

    NotificationVerdict verify(Map<String, String> headers, byte[] body) {
        String timestamp = headers.get("sandbox-timestamp");
        String signature = headers.get("sandbox-signature");
        if (timestamp == null || signature == null) {
            return new NotificationVerdict.Rejected("missing sandbox-timestamp or sandbox-signature header");
        }
        if (!SandboxSignature.matches(secret, timestamp, body, signature)) {
            return new NotificationVerdict.Rejected("signature does not match");
        }
        Instant sent;
        try {
            sent = Instant.ofEpochSecond(Long.parseLong(timestamp.strip()));
        } catch (NumberFormatException e) {
            return new NotificationVerdict.Rejected("sandbox-timestamp is not Unix seconds");
        }
        if (Duration.between(sent, clock.instant()).abs().compareTo(tolerance) > 0) {
            return new NotificationVerdict.Rejected("timestamp outside the tolerance of " + tolerance);
        }
        try {
            JsonNode node = json.readTree(body);
            String eventId = text(node, "eventId");
            String headerEventId = headers.get("sandbox-event-id");
            if (headerEventId != null && !headerEventId.equals(eventId)) {
                return new NotificationVerdict.Rejected("sandbox-event-id header and body eventId differ");
            }
            String outTradeNo = text(node, "outTradeNo");
            if (eventId == null || outTradeNo == null || text(node, "status") == null) {
                return new NotificationVerdict.Rejected("eventId, outTradeNo and status are required");
            }
            String occurredAt = text(node, "occurredAt");
            return new NotificationVerdict.Verified(new ProviderNotification(eventId, text(node, "providerRef"),
                    outTradeNo, SandboxPayments.status(text(node, "status")), node.path("amount").asLong(-1),
                    text(node, "currency"), occurredAt == null ? null : Instant.parse(occurredAt)));
        } catch (JacksonException | java.time.format.DateTimeParseException | ProviderUnavailable e) {
            return new NotificationVerdict.Rejected("body is not a sandbox notification: " + e.getClass().getSimpleName());
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }
}
