package io.orderkeep.order.intake;

import io.orderkeep.order.jdbc.IdempotencyKeys;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets idempotency keys after their retention (API.md: at least 7 days), in small batches so that the deletes
 * never hold the database long. A request with a forgotten key is a new request.
 */
@Component
public class IdempotencyCleanup {

    private static final int BATCH = 1000;
    private static final Logger log = LoggerFactory.getLogger(IdempotencyCleanup.class);

    private final IdempotencyKeys keys;
    private final Clock clock;
    private final Duration retention;

    IdempotencyCleanup(IdempotencyKeys keys, Clock clock,
            @Value("${orderkeep.orders.idempotency-retention:P7D}") Duration retention) {
        if (retention.compareTo(Duration.ofDays(7)) < 0) {
            throw new IllegalArgumentException("orderkeep.orders.idempotency-retention must be at least 7 days (API.md)");
        }
        this.keys = keys;
        this.clock = clock;
        this.retention = retention;
    }

    /** Deletes every key older than the retention; returns how many went. */
    @Scheduled(fixedDelayString = "${orderkeep.orders.idempotency-cleanup-interval:PT1H}", initialDelayString = "PT1M")
    public int purge() {
        int total = 0;
        int deleted;
        do {
            deleted = keys.deleteCreatedBefore(clock.instant().minus(retention), BATCH);
            total += deleted;
        } while (deleted == BATCH);
        if (total > 0) {
            log.info("forgot {} idempotency keys older than {}", total, retention);
        }
        return total;
    }
}
