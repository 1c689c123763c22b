package io.orderkeep.order.domain;

import java.time.Instant;
import java.util.Collection;

/**
 * One place the order must come back from, with its due time. A hop is unreturned when it failed, was found
 * overdue, or is still pending past its due time.
 */
public record Hop(HopName name, HopState state, Instant dueAt, Instant returnedAt) {

    public boolean unreturned(Instant now) {
        return switch (state) {
            case FAILED, OVERDUE -> true;
            case PENDING -> dueAt != null && dueAt.isBefore(now);
            case RETURNED, SKIPPED -> false;
        };
    }

    /** The state as it reads at {@code now}: a hop still pending past its due time is overdue. */
    public HopState stateAt(Instant now) {
        return state == HopState.PENDING && unreturned(now) ? HopState.OVERDUE : state;
    }

    /** An order is unreturned while any of its hops is. */
    public static boolean anyUnreturned(Collection<Hop> hops, Instant now) {
        return hops.stream().anyMatch(hop -> hop.unreturned(now));
    }

    /** The hop every order starts with: it was stored and acknowledged at once. */
    public static Hop accepted(Instant at) {
        return new Hop(HopName.ACCEPTED, HopState.RETURNED, at, at);
    }
}
