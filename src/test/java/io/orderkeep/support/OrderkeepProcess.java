package io.orderkeep.support;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged jar, run as a separate operating-system process, for tests that kill it. The jar comes from the
 * {@code orderkeep.jar} system property (set by failsafe after packaging).
 */
public final class OrderkeepProcess implements AutoCloseable {

    private final Map<String, String> environment;
    private final Path log;
    private final int port;
    private Process process;

    public OrderkeepProcess(Map<String, String> environment, Path log) {
        this.environment = new HashMap<>(environment);
        this.port = environment.containsKey("SERVER_PORT")
                ? Integer.parseInt(environment.get("SERVER_PORT")) : freePort();
        this.environment.put("SERVER_PORT", Integer.toString(port));
        this.environment.putIfAbsent("ORDERKEEP_ADMIN_KEY", TestDatabase.ADMIN_KEY);
        // Load from one address with one key is the point of these tests, not abuse.
        this.environment.putIfAbsent("ORDERKEEP_RATELIMIT_ENABLED", "false");
        this.log = log;
    }

    /** Same database, same port: how a restarted instance looks to its clients. */
    public OrderkeepProcess restarted() {
        return new OrderkeepProcess(environment, log);
    }

    /** The settings for a fresh database of the kind this run tests (see {@link TestDatabase}). */
    public static Map<String, String> freshDatabase(Path dataDir, boolean postgres) {
        var env = new HashMap<String, String>();
        env.put("ORDERKEEP_DATA_DIR", dataDir.toString());
        if (postgres) {
            env.put("ORDERKEEP_DB_URL", TestDatabase.POSTGRES_SERVER + TestDatabase.createPostgresDatabase());
            env.put("ORDERKEEP_DB_USER", "postgres");
        }
        return env;
    }

    /** Drops the PostgreSQL database that {@link #freshDatabase} created, if it created one. */
    public static void dropDatabase(Map<String, String> environment) {
        String url = environment.get("ORDERKEEP_DB_URL");
        if (url != null && url.startsWith(TestDatabase.POSTGRES_SERVER)) {
            TestDatabase.dropPostgresDatabase(url.substring(TestDatabase.POSTGRES_SERVER.length()));
        }
    }

    public int port() {
        return port;
    }

    public Api api() {
        return Api.at(port);
    }

    /** Starts the process and waits until it reports ready. */
    public OrderkeepProcess start() {
        String jar = System.getProperty("orderkeep.jar");
        if (jar == null || !new File(jar).isFile()) {
            throw new IllegalStateException("system property orderkeep.jar must name the packaged jar, got " + jar);
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx512m", "-jar", jar, "serve"));
        var builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // A loaded 2-core machine has been seen to take over two minutes to start the jar; a hung start still fails.
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("Orderkeep exited with " + process.exitValue() + "; see " + log);
                    }
                    return api().get("/actuator/health/readiness").status() == 200;
                });
        return this;
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
