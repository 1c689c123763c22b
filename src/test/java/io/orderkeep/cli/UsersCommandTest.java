package io.orderkeep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.support.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code orderkeep users create|list|disable} on a fresh SQLite database of its own. */
class UsersCommandTest {

    final List<String> database = List.of("--data-dir=" + TestDatabase.temporaryDirectory());

    @Test
    void createsListsAndDisablesUsers() {
        var generated = CliTest.cli(database, "users", "create", "--username", "alice", "--role", "operator");
        assertThat(generated.exitCode()).as(generated.toString()).isZero();
        assertThat(generated.err()).contains("Created user alice (role operator)", "shown only this once");
        assertThat(generated.out().strip()).as("the generated password alone on standard output").matches("[A-Za-z0-9]{20}");

        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("a chosen passphrase\n".getBytes(StandardCharsets.UTF_8)));
            var chosen = CliTest.cli(database, "users", "create", "--username", "bob", "--role", "auditor",
                    "--password-stdin");
            assertThat(chosen.exitCode()).as(chosen.toString()).isZero();
            assertThat(chosen.out()).as("a chosen password is never printed").isEmpty();
        } finally {
            System.setIn(stdin);
        }

        var listed = CliTest.cli(database, "users", "list");
        assertThat(listed.lines().getFirst()).startsWith("USERNAME");
        assertThat(listed.lines()).anyMatch(line -> line.startsWith("alice") && line.contains("operator"))
                .anyMatch(line -> line.startsWith("bob") && line.contains("auditor"));

        assertThat(CliTest.cli(database, "users", "disable", "alice").out()).contains("Disabled alice.");
        assertThat(CliTest.cli(database, "users", "list").lines())
                .anyMatch(line -> line.startsWith("alice") && !line.strip().endsWith("-"));
        var again = CliTest.cli(database, "users", "disable", "alice");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("error:");
    }

    @Test
    void refusesAShortPasswordAndAMerchantUserWithoutMerchant() {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("short\n".getBytes(StandardCharsets.UTF_8)));
            var shortPassword = CliTest.cli(database, "users", "create", "--username", "carol", "--role", "operator",
                    "--password-stdin");
            assertThat(shortPassword.exitCode()).isEqualTo(1);
            assertThat(shortPassword.err()).contains("password");
        } finally {
            System.setIn(stdin);
        }
        var noMerchant = CliTest.cli(database, "users", "create", "--username", "dave", "--role", "merchant");
        assertThat(noMerchant.exitCode()).isEqualTo(1);
        assertThat(noMerchant.err()).contains("merchantId");
    }
}
