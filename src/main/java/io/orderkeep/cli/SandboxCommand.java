package io.orderkeep.cli;

import io.orderkeep.sandbox.Faults;
import io.orderkeep.sandbox.SandboxConfig;
import io.orderkeep.sandbox.SandboxServer;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Starts the sandbox payment provider alone, without Spring and without Orderkeep's database; runs until killed. */
@Command(name = "sandbox", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Start the sandbox payment provider (a simulator with its own port and data).")
class SandboxCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", description = "HTTP port (default: ${DEFAULT-VALUE}).", defaultValue = "8090")
    int port;

    @Option(names = "--host", description = "Address to listen on (default: ${DEFAULT-VALUE}).", defaultValue = "0.0.0.0")
    String host;

    @Option(names = "--secret", description = "Signing secret of notifications "
            + "(default: ORDERKEEP_PROVIDERS_SANDBOX_SECRET or the development secret).",
            defaultValue = "${env:ORDERKEEP_PROVIDERS_SANDBOX_SECRET:-" + SandboxConfig.DEVELOPMENT_SECRET + "}")
    String secret;

    @Option(names = "--data-dir", description = "Where sandbox.db lives (default: ORDERKEEP_DATA_DIR or ./data).",
            defaultValue = "${env:ORDERKEEP_DATA_DIR:-./data}")
    Path dataDir;

    @Option(names = "--time-zone", description = "Where settlement days begin (default: ${DEFAULT-VALUE}).",
            defaultValue = "Asia/Shanghai")
    String timeZone;

    @Option(names = "--seed", description = "Seed of the fault dice, for reproducible faults.")
    Long seed;

    @Option(names = "--faults", description = "Faults at start, as POST /v1/faults takes them, e.g. '{\"dropNotify\": 0.2}'.")
    String faults;

    @Option(names = "--public-url", description = "Base of the pay URLs (default: http://127.0.0.1:<port>).")
    String publicUrl;

    @Option(names = "--query-hold-ms", description = "How long a query hit by the queryTimeout fault is held "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = "15000")
    long queryHoldMs;

    @Override
    public Integer call() {
        SandboxConfig config = SandboxConfig.of(dataDir.resolve("sandbox.db"), secret)
                .withHost(host)
                .withPort(port)
                .withTimeZone(zone())
                .withSeed(seed)
                .withFaults(faults == null ? Faults.NONE : parseFaults())
                .withQueryHold(Duration.ofMillis(queryHoldMs))
                .withPublicUrl(publicUrl);
        SandboxServer server;
        try {
            server = SandboxServer.start(config);
        } catch (UncheckedIOException e) {
            spec.commandLine().getErr().println("Cannot start the sandbox: " + e.getMessage() + " ("
                    + e.getCause().getMessage() + ")");
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "sandbox-shutdown"));
        spec.commandLine().getOut().printf("Sandbox provider listening on %s (data: %s, settlement days in %s)%n",
                server.url(), config.databaseFile().toAbsolutePath(), config.timeZone());
        spec.commandLine().getOut().flush();
        return OrderkeepCommand.KEEP_RUNNING;
    }

    private ZoneId zone() {
        try {
            return ZoneId.of(timeZone);
        } catch (java.time.DateTimeException e) {
            throw new ParameterException(spec.commandLine(), "--time-zone: unknown time zone '" + timeZone + "'");
        }
    }

    private Faults parseFaults() {
        try {
            return Faults.parse(faults);
        } catch (Faults.Invalid e) {
            throw new ParameterException(spec.commandLine(), "--faults: " + e.getMessage());
        }
    }
}
