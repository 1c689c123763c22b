package io.orderkeep.access.web;

import io.orderkeep.access.domain.RateLimiter;
import io.orderkeep.access.domain.TokenBucket.Limit;
import io.orderkeep.platform.ApiException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The two limits every API request passes: its client address (before anything else, so a flood of bad keys
 * never reaches the database), then its key. Buckets live in this process's memory: with several instances
 * behind a load balancer, each allows its own share.
 */
@Component
class RateLimits {

    private final RateLimitProperties properties;
    private final RateLimiter byAddress;
    private final RateLimiter byKey;
    private final Clock clock;

    RateLimits(RateLimitProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.byAddress = new RateLimiter(new Limit(properties.address().perSecond(), properties.address().burst()),
                properties.maxTracked());
        this.byKey = new RateLimiter(new Limit(properties.key().perSecond(), properties.key().burst()),
                properties.maxTracked());
    }

    /** The 429 to answer when {@code address} has made too many requests, if it has. */
    Optional<ApiException> checkAddress(String address) {
        return check(byAddress, address, "this address");
    }

    /** The 429 to answer when the key {@code keyId} has made too many requests, if it has. */
    Optional<ApiException> checkKey(String keyId) {
        return check(byKey, keyId, "this API key");
    }

    private Optional<ApiException> check(RateLimiter limiter, String name, String who) {
        if (!properties.enabled()) {
            return Optional.empty();
        }
        long waitMillis = limiter.tryTake(name, clock.millis());
        if (waitMillis == 0) {
            return Optional.empty();
        }
        long seconds = Math.max(1, (waitMillis + 999) / 1000);
        return Optional.of(new ApiException(429, "rate_limited", "Too many requests",
                "Too many requests from " + who + "; retry after " + seconds + " s.", List.of(),
                Map.of("Retry-After", Long.toString(seconds)), Map.of()));
    }
}
