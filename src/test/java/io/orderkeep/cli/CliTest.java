package io.orderkeep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.platform.OrderkeepProperties;
import io.orderkeep.support.Api;
import io.orderkeep.support.DatabaseTest;
import io.orderkeep.support.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The command line, run in this JVM through {@link OrderkeepCommand#run(PrintWriter, PrintWriter, String...)}:
 * on a fresh database of its own, and on the running server's database (so its work shows over HTTP).
 */
@DatabaseTest
class CliTest {

    record Run(int exitCode, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    OrderkeepProperties properties;

    @Autowired
    JdbcClient jdbc;

    static Run cli(List<String> database, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var all = Stream.concat(Stream.of(args), database.stream()).toArray(String[]::new);
        int code = OrderkeepCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
        return new Run(code, out.toString(), err.toString());
    }

    /** The options that point the command line at the running server's database. */
    List<String> serverDatabase() {
        var args = new ArrayList<>(List.of("--orderkeep.db.url=" + properties.jdbcUrl()));
        if (properties.db().user() != null) {
            args.add("--orderkeep.db.user=" + properties.db().user());
        }
        return args;
    }

    @Test
    void managesMerchantsAndKeysOnAFreshDatabase() {
        String postgres = TestDatabase.postgres() ? TestDatabase.createPostgresDatabase() : null;
        List<String> database = postgres == null
                ? List.of("--data-dir=" + TestDatabase.temporaryDirectory())
                : List.of("--orderkeep.db.url=jdbc:postgresql://127.0.0.1:5432/" + postgres, "--orderkeep.db.user=postgres");
        try {
            var merchant = cli(database, "merchants", "create", "--id", "m_acme", "--name", "Acme Tea",
                    "--locale", "zh-CN", "--time-zone", "Asia/Shanghai");
            assertThat(merchant.exitCode()).as(merchant.toString()).isZero();
            assertThat(merchant.lines()).containsExactly("Created merchant m_acme (Acme Tea, zh-CN, Asia/Shanghai).");

            var created = cli(database, "keys", "create", "--role", "merchant", "--merchant", "m_acme", "--name", "shop");
            assertThat(created.exitCode()).as(created.toString()).isZero();
            assertThat(created.lines()).hasSize(1);
            String secret = created.lines().getFirst();
            assertThat(secret).startsWith("ok_").hasSize(67);
            assertThat(created.err()).contains("shown only this once").doesNotContain(secret);

            var listed = cli(database, "keys", "list");
            assertThat(listed.out()).contains("m_acme", "shop", secret.substring(0, 7)).doesNotContain(secret);
            String keyId = listed.lines().get(1).split("\\s+")[0];
            assertThat(keyId).startsWith("key_");

            assertThat(cli(database, "merchants", "list").out()).contains("m_acme", "Acme Tea", "Asia/Shanghai");
            assertThat(cli(database, "keys", "revoke", keyId).out()).contains("Revoked " + keyId);
            assertThat(cli(database, "keys", "list").lines().get(1)).doesNotEndWith("-");

            var verified = cli(database, "audit", "verify");
            assertThat(verified.exitCode()).isZero();
            assertThat(verified.out()).contains("OK: 3 entries checked");
        } finally {
            if (postgres != null) {
                TestDatabase.dropPostgresDatabase(postgres);
            }
        }
    }

    @Test
    void badInputIsReportedWithExitCodeOne() {
        var unknownMerchant = cli(serverDatabase(), "keys", "create", "--role", "merchant", "--merchant", "m_nowhere");
        assertThat(unknownMerchant.exitCode()).isEqualTo(1);
        assertThat(unknownMerchant.err()).contains("merchantId names no known merchant");
        var unknown = cli(serverDatabase(), "keys", "revoke", "key_nope");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("key_nope");
        var badOption = cli(List.of(), "keys", "create", "--role", "janitor");
        assertThat(badOption.exitCode()).isEqualTo(2);
    }

    @Test
    void unreachableDatabaseIsAnErrorNotAStackTrace() {
        var run = cli(List.of("--orderkeep.db.url=jdbc:postgresql://127.0.0.1:1/nothing", "--orderkeep.db.user=x"),
                "audit", "verify");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("error: ").doesNotContain("\tat ");
    }

    @Test
    void workIsAuditedAsCliAndVisibleToTheServer() {
        String merchant = "m_cli_" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(cli(serverDatabase(), "merchants", "create", "--id", merchant, "--name", "CLI Tea").exitCode()).isZero();
        String secret = cli(serverDatabase(), "keys", "create", "--role", "merchant", "--merchant", merchant)
                .lines().getFirst();

        var api = Api.at(port);
        assertThat(api.as(secret).get("/api/v1/merchants/" + merchant).status()).isEqualTo(200);
        var entries = api.asAdmin().get("/api/v1/audit?actor=cli&limit=200").json().path("data");
        assertThat(entries.toString()).contains(merchant, "merchant.created", "key.created");
    }

    @Test
    void auditVerifyNamesTheFirstBadEntryAndExitsWithOne() {
        String merchant = "m_cli_" + UUID.randomUUID().toString().substring(0, 6);
        cli(serverDatabase(), "merchants", "create", "--id", merchant, "--name", "Tampered");
        long seq = Api.at(port).asAdmin().get("/api/v1/audit?targetId=" + merchant).json().path("data").get(0)
                .path("seq").asLong();
        String detail = jdbc.sql("SELECT detail FROM audit_entries WHERE seq = ?").param(seq).query(String.class).single();
        try {
            jdbc.sql("UPDATE audit_entries SET detail = ? WHERE seq = ?").params("{\"name\":\"Other\"}", seq).update();
            var broken = cli(serverDatabase(), "audit", "verify");
            assertThat(broken.exitCode()).isEqualTo(1);
            assertThat(broken.out()).contains("first bad entry is seq " + seq);
        } finally {
            jdbc.sql("UPDATE audit_entries SET detail = ? WHERE seq = ?").params(detail, seq).update();
        }
        assertThat(cli(serverDatabase(), "audit", "verify").exitCode()).isZero();
    }

    @Test
    void printsNoBannerOrStartupLogs() {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        var console = new ByteArrayOutputStream();
        var capture = new PrintStream(console, true, StandardCharsets.UTF_8);
        Run run;
        try {
            System.setOut(capture);
            System.setErr(capture);
            run = cli(serverDatabase(), "merchants", "list");
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines().getFirst()).startsWith("ID");
        assertThat(console.toString(StandardCharsets.UTF_8))
                .doesNotContain("Spring Boot", "Starting", "Started", "HikariPool", "Flyway", " INFO ");
    }
}
