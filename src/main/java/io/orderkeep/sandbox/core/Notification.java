package io.orderkeep.sandbox.core;

import java.time.Instant;

/**
 * One copy of a status-change notification on its way to a payment's notify URL. A duplicated event has two
 * copies with the same {@code eventId}.
 */
public record Notification(long id, String eventId, String providerRef, String notifyUrl, String body, State state,
        int attempts, Instant nextAttemptAt, Integer lastStatus, String lastError, Instant createdAt,
        Instant deliveredAt) {

    public enum State {
        /** Waiting for its next delivery attempt. */
        PENDING,
        /** A notify URL answered 2xx. */
        DELIVERED,
        /** The drop fault struck: recorded, never sent. */
        DROPPED,
        /** Every attempt of the retry schedule failed. */
        GAVE_UP
    }
}
