package io.orderkeep.delivery;

/** How many attempts an endpoint made in a window, and how many of them got no 2xx. */
public record FailureRate(long attempts, long failures) {

    public static final FailureRate NONE = new FailureRate(0, 0);

    /** Failures over attempts, 0 when there were none. */
    public double rate() {
        return attempts == 0 ? 0 : (double) failures / attempts;
    }
}
