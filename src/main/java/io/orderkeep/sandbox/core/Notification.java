package io.orderkeep.sandbox.core;

import java.time.Instant;

/**
 * One copy of a status-change notification on its way to a payment's notify URL. A duplicated event has two
 * copies with the same {@code eventId}.
 *
 * @param diceSubject what the fault dice know the status change by (null in a file from an older sandbox)
 */
public record Notification(long id, String eventId, String providerRef, String notifyUrl, String body, State state,
        int attempts, Instant nextAttemptAt, Integer lastStatus, String lastError, Instant createdAt,
        Instant deliveredAt, String diceSubject) {

    /** What the bad-signature fault is rolled on for this copy's next attempt: stable from run to run. */
    public String attemptSubject() {
        return (diceSubject != null ? diceSubject : eventId) + "|attempt " + (attempts + 1);
    }

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
