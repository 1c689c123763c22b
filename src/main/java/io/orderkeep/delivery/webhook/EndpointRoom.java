package io.orderkeep.delivery.webhook;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One instance's sends in flight per endpoint, so that no endpoint takes more than its share of them
 * ({@code max-in-flight-per-endpoint}): a slow or dead endpoint's backlog waits for its own sends to end, not the
 * other endpoints'. A pass that finds only full endpoints with work can wait here for a send to end.
 */
final class EndpointRoom {

    /** Sends in flight per endpoint id (absent: none). */
    private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();
    /** How many sends have ended; guarded by {@code this}. */
    private long ended;

    /** The sends in flight now, per endpoint id. */
    Map<String, Integer> inFlight() {
        return Map.copyOf(inFlight);
    }

    void started(String endpointId) {
        inFlight.merge(endpointId, 1, Integer::sum);
    }

    synchronized void ended(String endpointId) {
        inFlight.computeIfPresent(endpointId, (id, n) -> n == 1 ? null : n - 1);
        ended++;
        notifyAll();
    }

    /** A mark to wait from: how many sends have ended so far. */
    synchronized long endedSoFar() {
        return ended;
    }

    /** Waits until a send ends after {@code mark}, or until {@code deadline} (nano time); answers whether one did. */
    synchronized boolean awaitEnd(long mark, long deadline) {
        try {
            while (ended == mark) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
