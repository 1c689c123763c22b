package io.orderkeep.payment;

import io.orderkeep.sandbox.Faults;
import io.orderkeep.sandbox.SandboxConfig;
import io.orderkeep.sandbox.SandboxServer;
import io.orderkeep.support.MutableClock;
import io.orderkeep.support.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The world payment tests run in: one real sandbox server (its own port and SQLite file) behind a counting proxy,
 * and one movable clock that Orderkeep and the sandbox both read, so schedules, notification timestamps and
 * retries all move together when a test moves time. Started once per test JVM; every payment test class uses the
 * same {@link Config} and properties, so they share one application context.
 */
public final class PaymentWorld {

    public static final MutableClock CLOCK = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    public static final String SECRET = SandboxConfig.DEVELOPMENT_SECRET;
    public static final SandboxServer SANDBOX = SandboxServer.start(
            SandboxConfig.of(TestDatabase.temporaryDirectory().resolve("sandbox.db"), SECRET)
                    .withHost("127.0.0.1")
                    .withPort(0)
                    .withClock(CLOCK)
                    .withSeed(7L)
                    .withQueryHold(Duration.ofMillis(2500))
                    .withNotifyRetrySchedule(Collections.nCopies(30, Duration.ofSeconds(20))));
    static final CountingProxy PROXY = new CountingProxy(SANDBOX.url());

    private PaymentWorld() {}

    static void properties(DynamicPropertyRegistry registry) {
        registry.add("orderkeep.providers.sandbox.url", PROXY::url);
        registry.add("orderkeep.providers.sandbox.read-timeout", () -> "1s");
        registry.add("orderkeep.watch.enabled", () -> "false");
        // Small batches, so that two instances sharing the watch interleave their claims.
        registry.add("orderkeep.watch.batch-size", () -> "5");
    }

    static void calm() {
        SANDBOX.setFaults(Faults.NONE);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        MutableClock sharedClock() {
            return CLOCK;
        }
    }
}
