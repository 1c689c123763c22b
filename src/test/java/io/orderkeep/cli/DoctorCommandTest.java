package io.orderkeep.cli;

import static io.orderkeep.cli.CliTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.platform.OrderkeepProperties;
import io.orderkeep.support.DatabaseTest;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code orderkeep doctor} on the running server's database: what passes, what fails and what to fix. */
@DatabaseTest
class DoctorCommandTest {

    @Autowired
    OrderkeepProperties properties;

    List<String> database(String... more) {
        var args = new ArrayList<>(List.of("--orderkeep.db.url=" + properties.jdbcUrl()));
        if (properties.db().user() != null) {
            args.add("--orderkeep.db.user=" + properties.db().user());
        }
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void healthySetupPassesEveryCheck() throws Exception {
        try (var provider = new ServerSocket(0)) {
            var run = cli(database("--orderkeep.providers.sandbox.url=http://127.0.0.1:" + provider.getLocalPort(),
                    "--orderkeep.ops.unreturned-alert=1000000"), "doctor");
            assertThat(run.out()).containsPattern("OK +database ")
                    .containsPattern("OK +migrations +schema at version \\d+")
                    .containsPattern("OK +clock +skew vs database \\d+ ms")
                    .containsPattern("OK +delivery-backlog ")
                    .containsPattern("OK +provider:sandbox +reachable");
            assertThat(run.exitCode()).as(run.toString()).isZero();
        }
    }

    @Test
    void unreachableProviderAndClockSkewFailWithWhatToFix() {
        var run = cli(database("--orderkeep.providers.sandbox.url=http://127.0.0.1:9",
                "--orderkeep.ops.max-clock-skew=-1ms"), "doctor");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).containsPattern("FAIL +provider:sandbox +cannot connect to http://127.0.0.1:9")
                .contains("fix: check the provider URL, DNS and the firewall")
                .containsPattern("FAIL +clock ")
                .contains("fix: synchronise both hosts with NTP")
                .containsPattern("\\d+ of \\d+ checks failed.");
    }

    @Test
    void pendingMigrationFailsWithWhatToFixAndDoctorDoesNotApplyIt(@TempDir Path dir) {
        String url = "jdbc:sqlite:" + dir.resolve("old.db");
        var migrations = Flyway.configure().dataSource(url, null, null)
                .locations("classpath:db/migration/common", "classpath:db/migration/sqlite");
        var versions = Arrays.stream(migrations.load().info().all()).map(MigrationInfo::getVersion).toList();
        MigrationVersion before = versions.get(versions.size() - 2);
        migrations.target(before).load().migrate();

        var run = cli(List.of("--orderkeep.db.url=" + url), "doctor");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).containsPattern("FAIL +migrations +1 migration\\(s\\) pending at version " + before)
                .contains("fix: run ./orderkeep serve once");
        assertThat(migrations.target(MigrationVersion.LATEST).load().info().pending())
                .as("the doctor looked, it did not migrate").hasSize(1);
    }

    @Test
    void unreachableDatabaseFailsWithWhatToFix() throws Exception {
        int closed;
        try (var socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        var run = cli(List.of("--orderkeep.db.url=jdbc:postgresql://127.0.0.1:" + closed + "/orderkeep",
                "--orderkeep.db.user=postgres", "--spring.datasource.hikari.connection-timeout=1000"), "doctor");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).as(run.err()).containsPattern("FAIL +database +not reachable")
                .contains("fix: check ORDERKEEP_DB_URL / ORDERKEEP_DB_USER / ORDERKEEP_DB_PASSWORD");
    }

    @Test
    void badConfigurationFailsOrWarnsWithWhatToFix() {
        var run = cli(database("--orderkeep.public-url=https://orders.shop.example",
                "--orderkeep.providers.sandbox.url=127.0.0.1:8090",
                "--orderkeep.alerts.channels[0].type=slack", "--orderkeep.alerts.channels[0].url=hooks.slack.com/x",
                "--orderkeep.alerts.channels[1].type=email", "--orderkeep.alerts.channels[1].to[0]=oncall@shop.example",
                "--orderkeep.ops.unreturned-alert=1000000"), "doctor");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).as(run.err()).containsPattern("OK +config:public-url +well-formed")
                .containsPattern("FAIL +config:provider:sandbox:url +not a well-formed http\\(s\\) URL")
                .contains("fix: set ORDERKEEP_PROVIDERS_SANDBOX_URL")
                .containsPattern("WARN +config:provider:sandbox:secret +the signing secret is the development default")
                .contains("fix: set ORDERKEEP_PROVIDERS_SANDBOX_SECRET")
                .containsPattern("FAIL +config:alerts.channels\\[0] +not a well-formed http\\(s\\) URL")
                .containsPattern("FAIL +config:alerts.channels\\[1] +e-mail alerts are configured but no mail server")
                .contains("fix: set SPRING_MAIL_HOST")
                .doesNotContain("hooks.slack.com/x");
    }

    @Test
    void settingOrderkeepCannotStartWithFailsWithWhatToFix() {
        var run = cli(database("--orderkeep.kafka.enabled=true", "--orderkeep.kafka.bootstrap-servers="), "doctor");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).containsPattern("FAIL +configuration +Orderkeep cannot start: .*bootstrap.servers")
                .contains("fix: correct the setting it names");
    }

    @Test
    void developmentSecretOnLocalhostIsNoWarning() throws Exception {
        try (var provider = new ServerSocket(0)) {
            var run = cli(database("--orderkeep.public-url=http://localhost:8080",
                    "--orderkeep.providers.sandbox.url=http://127.0.0.1:" + provider.getLocalPort(),
                    "--orderkeep.ops.unreturned-alert=1000000"), "doctor");
            assertThat(run.out()).doesNotContain("WARN").containsPattern("OK +config:public-url ");
            assertThat(run.exitCode()).as(run.toString()).isZero();
        }
    }
}
