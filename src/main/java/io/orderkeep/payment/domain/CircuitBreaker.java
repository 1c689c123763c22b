package io.orderkeep.payment.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stops calling a provider that keeps failing, so the watch moves on instead of waiting for timeouts one payment
 * after the other. Opens after {@code threshold} failures in a row; after {@code coolDown} it lets calls through
 * again (half-open): one success closes it, one failure opens it for another cool-down. Thread-safe.
 */
public final class CircuitBreaker {

    private final int threshold;
    private final Duration coolDown;
    private final Clock clock;
    private int failures;
    private Instant openUntil;

    public CircuitBreaker(int threshold, Duration coolDown, Clock clock) {
        this.threshold = threshold;
        this.coolDown = coolDown;
        this.clock = clock;
    }

    public synchronized boolean allows() {
        return openUntil == null || !clock.instant().isBefore(openUntil);
    }

    /** When calls are let through again; now when it is closed. */
    public synchronized Instant retryAt() {
        return openUntil == null ? clock.instant() : openUntil;
    }

    public synchronized void succeeded() {
        failures = 0;
        openUntil = null;
    }

    public synchronized void failed() {
        failures++;
        if (failures >= threshold || openUntil != null) {
            openUntil = clock.instant().plus(coolDown);
        }
    }
}
