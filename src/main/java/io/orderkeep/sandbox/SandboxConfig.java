package io.orderkeep.sandbox;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Everything a sandbox server is started with. Start from {@link #of(Path, String)} and adjust with the
 * {@code with…} methods.
 *
 * @param host the address to bind ({@code 0.0.0.0} for every interface)
 * @param port the port to listen on; 0 picks a free one (tests)
 * @param secret the key every notification is signed with (HMAC-SHA256)
 * @param databaseFile the sandbox's own SQLite file, created with its schema when missing
 * @param timeZone where settlement days begin and end
 * @param clock the source of every timestamp and due time
 * @param seed the seed of the fault dice; {@code null} for a random one
 * @param faults the faults in force at start (changeable at run time)
 * @param notifyRetrySchedule the waits between delivery attempts of one notification; when they are used up the
 *     notification is given up
 * @param notifyTimeout how long one delivery attempt may take
 * @param queryHold how long a query hit by the query-timeout fault is held before it is answered
 * @param publicUrl the base of {@code payUrl}s; {@code null} for {@code http://127.0.0.1:<port>}
 */
public record SandboxConfig(String host, int port, String secret, Path databaseFile, ZoneId timeZone, Clock clock,
        Long seed, Faults faults, List<Duration> notifyRetrySchedule, Duration notifyTimeout, Duration queryHold,
        String publicUrl) {

    /** The secret the command line uses when none is given; for development only. */
    public static final String DEVELOPMENT_SECRET = "sandbox-development-secret";

    public static final int DEFAULT_PORT = 8090;
    public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("Asia/Shanghai");
    public static final List<Duration> DEFAULT_RETRY_SCHEDULE = List.of(Duration.ofSeconds(5),
            Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2),
            Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1),
            Duration.ofHours(2), Duration.ofHours(6), Duration.ofHours(12), Duration.ofHours(24));

    public SandboxConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(databaseFile, "databaseFile");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(notifyTimeout, "notifyTimeout");
        Objects.requireNonNull(queryHold, "queryHold");
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("the sandbox needs a non-empty signing secret");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, got " + port);
        }
        notifyRetrySchedule = List.copyOf(notifyRetrySchedule);
    }

    /** Defaults: every interface on port 8090, Asia/Shanghai days, the system clock, no faults. */
    public static SandboxConfig of(Path databaseFile, String secret) {
        return new SandboxConfig("0.0.0.0", DEFAULT_PORT, secret, databaseFile, DEFAULT_TIME_ZONE,
                Clock.systemUTC(), null, Faults.NONE, DEFAULT_RETRY_SCHEDULE, Duration.ofSeconds(10),
                Duration.ofSeconds(15), null);
    }

    public SandboxConfig withHost(String host) {
        return new SandboxConfig(host, port, secret, databaseFile, timeZone, clock, seed, faults,
                notifyRetrySchedule, notifyTimeout, queryHold, publicUrl);
    }

    public SandboxConfig withPort(int port) {
        return new SandboxConfig(host, port, secret, databaseFile, timeZone, clock, seed, faults,
                notifyRetrySchedule, notifyTimeout, queryHold, publicUrl);
    }

    public SandboxConfig withTimeZone(ZoneId timeZone) {
        return new SandboxConfig(host, port, secret, databaseFile, timeZone, clock, seed, faults,
                notifyRetrySchedule, notifyTimeout, queryHold, publicUrl);
    }

    public SandboxConfig withClock(Clock clock) {
        return new SandboxConfig(host, port, secret, databaseFile, timeZone, clock, seed, faults,
                notifyRetrySchedule, notifyTimeout, queryHold, publicUrl);
    }

    public SandboxConfig withSeed(Long seed) {
        return new SandboxConfig(host, port, secret, databaseFile, timeZone, clock, seed, faults,
                notifyRetrySchedule, notifyTimeout, queryHold, publicUrl);
    }

    public SandboxConfig withFaults(Faults faults) {
        return new SandboxConfig(host, port, secret, databaseFile, timeZone, clock, seed, faults,
                notifyRetrySchedule, notifyTimeout, queryHold, publicUrl);
    }

    public SandboxConfig withNotifyRetrySchedule(List<Duration> schedule) {
        return new SandboxConfig(host, port, secret, databaseFile, timeZone, clock, seed, faults, schedule,
                notifyTimeout, queryHold, publicUrl);
    }

    public SandboxConfig withQueryHold(Duration queryHold) {
        return new SandboxConfig(host, port, secret, databaseFile, timeZone, clock, seed, faults,
                notifyRetrySchedule, notifyTimeout, queryHold, publicUrl);
    }

    public SandboxConfig withPublicUrl(String publicUrl) {
        return new SandboxConfig(host, port, secret, databaseFile, timeZone, clock, seed, faults,
                notifyRetrySchedule, notifyTimeout, queryHold, publicUrl);
    }
}
