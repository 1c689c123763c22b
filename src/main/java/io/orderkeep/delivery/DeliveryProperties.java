package io.orderkeep.delivery;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of merchant delivery, bound from {@code orderkeep.delivery.*}.
 *
 * @param dispatcherEnabled whether this instance runs the dispatch and feed loops on a timer
 * @param retrySchedule the delay before each attempt of a delivery (the first is normally 0); after the last, DEAD
 * @param jitter a random extra of up to this fraction of each delay, so retries of many deliveries spread out
 * @param connectTimeout how long to wait for a merchant's server to accept the connection
 * @param requestTimeout how long a whole attempt may take
 * @param lease how long a claimed delivery stays with the instance that claimed it; must exceed requestTimeout
 * @param batchSize how many deliveries one claim takes
 * @param maxInFlight how many sends one instance runs at once
 * @param maxInFlightPerEndpoint how many of those may go to one endpoint, so that a slow or dead endpoint cannot
 *     take every send and hold up the others
 * @param merchantHopDue how long after an event the merchant hop turns overdue if nothing acknowledged it
 * @param retention how long events stay in the pull feed
 * @param secretKey base64 of a 32-byte AES key for endpoint secrets; when unset, a key file in the data dir
 */
@ConfigurationProperties("orderkeep.delivery")
public record DeliveryProperties(
        @DefaultValue("true") boolean dispatcherEnabled,
        @DefaultValue({"0s", "5s", "5m", "30m", "2h", "5h", "10h", "14h", "20h", "24h"}) List<Duration> retrySchedule,
        @DefaultValue("0.1") double jitter,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("15s") Duration requestTimeout,
        @DefaultValue("60s") Duration lease,
        @DefaultValue("50") int batchSize,
        @DefaultValue("256") int maxInFlight,
        @DefaultValue("16") int maxInFlightPerEndpoint,
        @DefaultValue("1h") Duration merchantHopDue,
        @DefaultValue("30d") Duration retention,
        String secretKey) {

    public DeliveryProperties {
        if (retrySchedule.isEmpty()) {
            throw new IllegalArgumentException("orderkeep.delivery.retry-schedule needs at least one delay");
        }
        if (lease.compareTo(requestTimeout.plus(connectTimeout)) <= 0) {
            throw new IllegalArgumentException("orderkeep.delivery.lease must be longer than a whole attempt");
        }
        if (maxInFlightPerEndpoint < 1) {
            throw new IllegalArgumentException("orderkeep.delivery.max-in-flight-per-endpoint must be at least 1");
        }
        retrySchedule = List.copyOf(retrySchedule);
    }
}
