package io.orderkeep.cli;

import io.orderkeep.cli.demo.Demo;
import io.orderkeep.cli.demo.DemoSettings;
import io.orderkeep.cli.demo.FaultLevel;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code orderkeep demo}: the whole product in one command (issue 8). Exit code 0 only if every order came back and
 * the audit chain verifies.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Watch every order come back while the world misbehaves: Orderkeep, the sandbox provider with "
                + "faults, a merchant's system and simulated customers, then reconciliation and a summary.")
class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--orders", paramLabel = "N", defaultValue = "120", description = "Orders to place (default: ${DEFAULT-VALUE}).")
    int orders;

    @Option(names = "--duration", defaultValue = "2m", converter = DurationConverter.class,
            description = "Over how long they are placed, e.g. 90s, 2m, 1m30s (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--faults", defaultValue = "default", paramLabel = "none|default|harsh",
            description = "How badly the world behaves (default: ${DEFAULT-VALUE}).")
    FaultLevel faults;

    @Option(names = "--seed", description = "Seed of the customers and of every fault's dice (default: random, printed).")
    Long seed;

    @Option(names = "--keep", description = "Leave the servers running after the summary, to explore.")
    boolean keep;

    @Option(names = "--speed", defaultValue = "1", description = "Run the demo's schedule this many times faster "
            + "(1-100; the tests use 10).")
    double speed;

    @Option(names = "--data-dir", description = "A fresh directory for the demo's databases (default: ./data/demo-<time>).")
    Path dataDir;

    @Option(names = "--port", defaultValue = "0", description = "Orderkeep's port (default: a free one).")
    int port;

    @Option(names = "--sandbox-port", defaultValue = "0", description = "The sandbox provider's port (default: a free one).")
    int sandboxPort;

    @Option(names = "--receiver-port", defaultValue = "0", description = "The merchant receiver's port (default: a free one).")
    int receiverPort;

    @Override
    public Integer call() throws InterruptedException {
        long chosenSeed = seed != null ? seed : new SecureRandom().nextLong(1, 1_000_000);
        Path directory = dataDir != null ? dataDir : Path.of("data", "demo-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss", Locale.ROOT)));
        DemoSettings settings;
        try {
            settings = new DemoSettings(orders, duration, faults, chosenSeed, keep, speed, directory, port, sandboxPort,
                    receiverPort, System.console() != null && System.console().isTerminal());
            settings.timings();
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 2;
        }
        Demo.Outcome outcome;
        try {
            outcome = new Demo(settings, spec.commandLine().getOut()).run();
        } catch (RuntimeException e) {
            // A port taken, a server that would not start: one line that says why, not a stack trace.
            spec.commandLine().getErr().println("error: the demo stopped: " + e.getMessage()
                    + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : ""));
            return 1;
        }
        return exitCode(outcome);
    }

    /** 0 only if every order came back and the audit chain verifies; a {@code --keep} demo leaves the JVM running. */
    static int exitCode(Demo.Outcome outcome) {
        if (outcome.running()) {
            return OrderkeepCommand.KEEP_RUNNING;
        }
        return outcome.success() ? 0 : 1;
    }

    /** {@code 90s}, {@code 2m}, {@code 1m30s}, {@code 500ms} or ISO-8601 ({@code PT2M}). */
    static final class DurationConverter implements ITypeConverter<Duration> {

        private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

        @Override
        public Duration convert(String value) {
            if (value.toUpperCase(Locale.ROOT).startsWith("PT")) {
                try {
                    return Duration.parse(value);
                } catch (DateTimeParseException e) {
                    throw new TypeConversionException("'" + value + "' is not a duration");
                }
            }
            var matcher = PART.matcher(value);
            Duration total = Duration.ZERO;
            int end = 0;
            while (matcher.find() && matcher.start() == end) {
                long n = Long.parseLong(matcher.group(1));
                total = total.plus(switch (matcher.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                });
                end = matcher.end();
            }
            if (end == 0 || end != value.length()) {
                throw new TypeConversionException("'" + value + "' is not a duration (e.g. 90s, 2m, 1m30s)");
            }
            return total;
        }
    }
}
