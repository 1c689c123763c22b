package io.orderkeep.cli;

import static io.orderkeep.cli.CliTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.platform.OrderkeepProperties;
import io.orderkeep.support.DatabaseTest;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
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
    void unreachableProviderAndATinyBacklogLimitFailWithWhatToFix() {
        var run = cli(database("--orderkeep.providers.sandbox.url=http://127.0.0.1:9",
                "--orderkeep.ops.max-clock-skew=-1ms"), "doctor");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).containsPattern("FAIL +provider:sandbox +cannot connect to http://127.0.0.1:9")
                .contains("fix: check the provider URL, DNS and the firewall")
                .containsPattern("FAIL +clock ")
                .contains("fix: synchronise both hosts with NTP")
                .containsPattern("\\d+ of \\d+ checks failed.");
    }
}
