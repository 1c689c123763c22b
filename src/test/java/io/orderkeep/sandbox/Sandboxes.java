package io.orderkeep.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

/** Sandbox configurations for tests: loopback, a free port, a fixed seed and a retry schedule in milliseconds. */
final class Sandboxes {

    static final String SECRET = "sandbox-test-secret";

    private Sandboxes() {}

    static SandboxConfig config(Path dir) {
        return SandboxConfig.of(dir.resolve("sandbox.db"), SECRET)
                .withHost("127.0.0.1")
                .withPort(0)
                .withSeed(42L)
                .withNotifyRetrySchedule(retries(3, Duration.ofMillis(50)));
    }

    static List<Duration> retries(int count, Duration each) {
        return Collections.nCopies(count, each);
    }
}
