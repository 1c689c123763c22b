package io.orderkeep.cli.demo;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What {@code orderkeep demo} was asked to do.
 *
 * @param orders how many orders the customers place
 * @param duration over how long they place them
 * @param faults how badly the world behaves
 * @param seed the seed of the customers' plan, the sandbox's fault dice and the merchant's failures
 * @param keep leave the servers running after the summary
 * @param speed how many times faster than the demo's own compressed schedule everything runs (tests use 10)
 * @param dataDir a fresh directory for Orderkeep's and the sandbox's databases
 * @param port Orderkeep's port, 0 for a free one; likewise {@code sandboxPort} and {@code receiverPort}
 * @param terminal whether the output is a terminal (the status line is then redrawn in place)
 */
public record DemoSettings(int orders, Duration duration, FaultLevel faults, long seed, boolean keep, double speed,
        Path dataDir, int port, int sandboxPort, int receiverPort, boolean terminal) {

    public DemoSettings {
        if (orders < 1) {
            throw new IllegalArgumentException("--orders must be at least 1");
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("--duration cannot be negative");
        }
    }

    public DemoTimings timings() {
        return new DemoTimings(speed);
    }
}
