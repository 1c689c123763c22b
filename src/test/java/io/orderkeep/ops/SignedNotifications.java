package io.orderkeep.ops;

import io.orderkeep.sandbox.SandboxConfig;
import io.orderkeep.sandbox.core.Signer;
import io.orderkeep.support.Api;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Sandbox notifications as the sandbox sends them (its body, headers and signature with the development secret),
 * for payments Orderkeep does not know: verified, kept as orphans, and measured for the notification lag.
 */
final class SignedNotifications {

    private SignedNotifications() {}

    /** A new event that happened at {@code occurredAt}. */
    static String event(Instant occurredAt) {
        return Api.JSON.writeValueAsString(Map.of("eventId", "evt_" + UUID.randomUUID(), "providerRef", "sp_lag",
                "outTradeNo", "pay_lag_" + UUID.randomUUID(), "status", "SUCCEEDED", "amount", 100, "currency", "CNY",
                "occurredAt", occurredAt.toString()));
    }

    /** Posts {@code body} to Orderkeep's sandbox notify endpoint, signed now by {@code clock}. */
    static Api.Response post(int port, Clock clock, String body) {
        long timestamp = clock.instant().getEpochSecond();
        return Api.at(port).header("sandbox-event-id", Api.JSON.readTree(body).path("eventId").asString())
                .header("sandbox-timestamp", Long.toString(timestamp))
                .header("sandbox-signature", Signer.sign(SandboxConfig.DEVELOPMENT_SECRET, timestamp, body))
                .post("/api/v1/providers/sandbox/notify", body);
    }
}
