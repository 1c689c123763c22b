package io.orderkeep.cli.demo;

import io.orderkeep.sandbox.Faults;

/**
 * How badly the world behaves during a demo: the sandbox provider's faults and how often the merchant's receiver
 * fails a webhook on purpose. The notification delays follow the demo's (compressed) timings.
 */
public enum FaultLevel {
    /** Everything works: the baseline. */
    NONE(0, 0, 0, 0, 0, 0, 0, 0),
    /** The defaults: a realistic bad day. */
    DEFAULT(0.2, 0.2, 1, 0, 0.05, 0.02, 0.2, 0),
    /**
     * A very bad day: most notifications lost, most queries unanswered, merchant often down. Some orders then cannot
     * be settled automatically: they must end flagged for a person, never silently lost.
     */
    HARSH(0.5, 0.3, 3, 0.05, 0.7, 0.1, 0.5, 0.3);

    private final double dropNotify;
    private final double duplicateNotify;
    private final int delayFactor;
    private final double badSignature;
    private final double queryTimeout;
    private final double failAfterCharge;
    private final double receiverFailsFirst;
    private final double receiverFailsRetry;

    FaultLevel(double dropNotify, double duplicateNotify, int delayFactor, double badSignature, double queryTimeout,
            double failAfterCharge, double receiverFailsFirst, double receiverFailsRetry) {
        this.dropNotify = dropNotify;
        this.duplicateNotify = duplicateNotify;
        this.delayFactor = delayFactor;
        this.badSignature = badSignature;
        this.queryTimeout = queryTimeout;
        this.failAfterCharge = failAfterCharge;
        this.receiverFailsFirst = receiverFailsFirst;
        this.receiverFailsRetry = receiverFailsRetry;
    }

    public Faults faults(DemoTimings timings) {
        long maxDelay = timings.notifyDelay().toMillis() * delayFactor;
        return new Faults(dropNotify, duplicateNotify, 0, maxDelay, badSignature, queryTimeout, failAfterCharge);
    }

    /** The chance that the merchant's receiver answers 500 to the first attempt of a delivery. */
    public double receiverFailsFirst() {
        return receiverFailsFirst;
    }

    /** The chance that it answers 500 to a later attempt. */
    public double receiverFailsRetry() {
        return receiverFailsRetry;
    }

    /** One line for the screen: what goes wrong, in percent. */
    public String describe(DemoTimings timings) {
        if (this == NONE) {
            return "no faults";
        }
        Faults f = faults(timings);
        var text = new StringBuilder();
        text.append(pct(f.dropNotify())).append(" notifications dropped, ")
                .append(pct(f.duplicateNotify())).append(" duplicated, delays up to ")
                .append(DemoTimings.words(java.time.Duration.ofMillis(f.delayNotifyMaxMs()))).append(", ");
        if (f.badSignature() > 0) {
            text.append(pct(f.badSignature())).append(" badly signed, ");
        }
        text.append(pct(f.queryTimeout())).append(" query timeouts, ")
                .append(pct(f.failAfterCharge())).append(" fail-after-charge; the merchant fails ")
                .append(pct(receiverFailsFirst)).append(" of first attempts");
        if (receiverFailsRetry > 0) {
            text.append(" and ").append(pct(receiverFailsRetry)).append(" of retries");
        }
        return text.toString();
    }

    private static String pct(double p) {
        return Math.round(p * 100) + " %";
    }
}
