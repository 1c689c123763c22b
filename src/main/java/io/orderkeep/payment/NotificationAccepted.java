package io.orderkeep.payment;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Published, inside the transaction that stores it, for every notification whose signature verified and whose event
 * id is seen for the first time (duplicates are not: a provider's redelivery of an event already received says
 * nothing new about how late it came).
 *
 * @param occurredAt the provider's own time of the event; null when its notification states none
 */
public record NotificationAccepted(String provider, String eventId, String outTradeNo, Instant occurredAt,
        Instant receivedAt) {

    /**
     * From the provider's event time to our receipt; empty without an event time. Never negative: a provider whose
     * clock runs ahead of ours shows a lag of zero rather than a receipt before the event.
     */
    public Optional<Duration> lag() {
        if (occurredAt == null) {
            return Optional.empty();
        }
        Duration lag = Duration.between(occurredAt, receivedAt);
        return Optional.of(lag.isNegative() ? Duration.ZERO : lag);
    }
}
