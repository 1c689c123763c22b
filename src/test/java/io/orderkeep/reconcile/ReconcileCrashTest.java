package io.orderkeep.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderkeep.support.Api;
import io.orderkeep.support.OrderkeepProcess;
import io.orderkeep.support.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Resuming under a real crash: the packaged jar reconciles a generated settlement file against the payments it
 * stores (bench/ReconcileData.java: every kind of discrepancy planted, a known number of each, repairs included);
 * it is killed with SIGKILL once the run has stored some rows and not all, and started again on the same database.
 * The restarted instance takes the run over when its lease runs out and completes it with exactly the planted
 * counts, the same result as a run never interrupted, and no order repaired twice.
 */
@Tag("process")
class ReconcileCrashTest {

    static final int ROWS = 40_000;

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"sqlite", "postgres"})
    void aRunKilledHalfwayResumesToExactlyThePlantedCounts(String database) throws Exception {
        Path dataDir = TestDatabase.temporaryDirectory();
        var env = new HashMap<>(OrderkeepProcess.freshDatabase(dataDir, database.equals("postgres")));
        // A short lease and frequent resume checks, so the restarted instance takes the run over within seconds.
        env.put("ORDERKEEP_RECONCILE_LEASE", "3s");
        env.put("ORDERKEEP_RECONCILE_RESUME_EVERY", "1s");
        Path log = Files.createTempFile("orderkeep-reconcile-crash-" + database, ".log");
        try {
            try (var migrate = new OrderkeepProcess(env, log).start()) {
                assertThat(migrate.port()).isPositive(); // started once: Flyway made the schema
            }
            Path data = Files.createTempDirectory("reconcile-crash");
            Map<String, Long> expected = plant(data, env, dataDir);

            var first = new OrderkeepProcess(env, log).start();
            var admin = first.api().asAdmin();
            var started = upload(admin, data.resolve("settlement.csv"));
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            String runId = started.json().path("id").asString();
            JsonNode halfway = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> admin.get("/api/v1/reconciliations/" + runId).json(),
                            run -> run.path("progress").path("rowsRead").asLong() > 0);
            first.kill();
            assertThat(halfway.path("status").asString()).isEqualTo("RUNNING");
            assertThat(halfway.path("progress").path("rowsRead").asLong())
                    .isLessThan(halfway.path("progress").path("rowsTotal").asLong());

            try (var second = first.restarted().start()) {
                JsonNode done = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                        .until(() -> second.api().asAdmin().get("/api/v1/reconciliations/" + runId).json(),
                                run -> !"RUNNING".equals(run.path("status").asString()));

                assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("COMPLETED");
                assertThat(done.path("progress").path("rowsRead").asLong()).isEqualTo(ROWS);
                for (var kind : expected.entrySet()) {
                    if (!kind.getKey().equals("REPAIRS")) {
                        assertThat(done.path("counts").path(kind.getKey()).asLong()).as(kind.getKey())
                                .isEqualTo(kind.getValue());
                    }
                }
                assertThat(done.path("repaired").asLong()).isEqualTo(expected.get("REPAIRS"));
                assertThat(paidByReconciliation(env, dataDir)).as("orders marked paid by the run, each once")
                        .isEqualTo(expected.get("REPAIRS"));
            }
        } finally {
            OrderkeepProcess.dropDatabase(env);
        }
    }

    /** Generates the file and loads the payments with bench/ReconcileData.java; answers its expected counts. */
    private static Map<String, Long> plant(Path data, Map<String, String> env, Path dataDir) throws Exception {
        var command = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "bench/ReconcileData.java", Integer.toString(ROWS),
                data.toString(), url(env, dataDir)));
        if (env.containsKey("ORDERKEEP_DB_USER")) {
            command.add(env.get("ORDERKEEP_DB_USER"));
        }
        Process generator = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(generator.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(generator.waitFor()).as("bench/ReconcileData.java: " + out).isZero();
        Map<String, Long> expected = new HashMap<>();
        for (String pair : out.substring(out.lastIndexOf("expected ") + "expected ".length()).split(" ")) {
            expected.put(pair.substring(0, pair.indexOf('=')), Long.parseLong(pair.substring(pair.indexOf('=') + 1)));
        }
        return expected;
    }

    private static long paidByReconciliation(Map<String, String> env, Path dataDir) throws Exception {
        try (var c = DriverManager.getConnection(url(env, dataDir), env.get("ORDERKEEP_DB_USER"), null);
                var rs = c.createStatement().executeQuery("SELECT COUNT(*), COUNT(DISTINCT order_id) FROM order_history "
                        + "WHERE type = 'order.paid' AND source = 'reconciliation'")) {
            rs.next();
            assertThat(rs.getLong(1)).as("no order marked paid twice").isEqualTo(rs.getLong(2));
            return rs.getLong(1);
        }
    }

    private static String url(Map<String, String> env, Path dataDir) {
        return env.getOrDefault("ORDERKEEP_DB_URL", "jdbc:sqlite:" + dataDir.resolve("orderkeep.db"));
    }

    private static Api.Response upload(Api admin, Path file) throws Exception {
        String boundary = "----ok" + UUID.randomUUID().toString().replace("-", "");
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"provider\"\r\n\r\nsandbox\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"date\"\r\n\r\n2026-11-21\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"settlement.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(Files.readAllBytes(file));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return admin.sendBytes("POST", "/api/v1/reconciliations", body.toByteArray(),
                "multipart/form-data; boundary=" + boundary);
    }
}
