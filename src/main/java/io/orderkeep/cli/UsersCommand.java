package io.orderkeep.cli;

import io.orderkeep.access.ConsoleUsers;
import io.orderkeep.platform.Role;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code orderkeep users create|list|disable}: console users, managed beside or without a running server. */
@Command(name = "users", description = "Create, list and disable console users.", mixinStandardHelpOptions = true,
        subcommands = {UsersCommand.Create.class, UsersCommand.List.class, UsersCommand.Disable.class})
class UsersCommand {

    @Command(name = "create", description = {"Create a console user.",
            "The password comes from standard input with --password-stdin, else from a prompt (twice); "
                    + "when there is no terminal or the prompt is left empty, one is generated and printed once."})
    static class Create extends DatabaseCommand {

        @Option(names = "--username", required = true, description = "The name to sign in with.")
        String username;

        @Option(names = "--role", required = true, description = "admin, operator, merchant or auditor.")
        Role role;

        @Option(names = "--merchant", description = "The merchant a merchant user belongs to.")
        String merchantId;

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean passwordStdin;

        @Override
        int run(ConfigurableApplicationContext context) {
            String password = passwordStdin ? firstLineOfStdin() : prompt();
            boolean generated = password == null || password.isEmpty();
            if (generated) {
                password = ConsoleUsers.generatePassword();
            }
            var user = context.getBean(ConsoleUsers.class).create(username, password, role, merchantId, ACTOR);
            err().println("Created user " + user.username() + " (role " + user.role().wireName()
                    + (user.merchantId() == null ? "" : ", merchant " + user.merchantId()) + ").");
            if (generated) {
                // The password alone on standard output, so that PASSWORD=$(orderkeep users create …) works.
                err().println("Its password is shown only this once; keep it safe:");
                out().println(password);
            }
            return 0;
        }

        private String prompt() {
            var console = System.console();
            if (console == null) {
                return null;
            }
            char[] first = console.readPassword("Password (empty to generate one): ");
            if (first == null || first.length == 0) {
                return null;
            }
            char[] again = console.readPassword("Again: ");
            if (!Arrays.equals(first, again)) {
                throw new IllegalArgumentException("the two passwords differ");
            }
            return new String(first);
        }

        private static String firstLineOfStdin() {
            try {
                // Not closed: standard input belongs to the process.
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                return line == null ? null : line.strip();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Command(name = "list", description = "List console users (never their passwords).")
    static class List extends DatabaseCommand {

        @Override
        int run(ConfigurableApplicationContext context) {
            var users = context.getBean(ConsoleUsers.class).list();
            out().printf("%-24s %-9s %-16s %-24s %s%n", "USERNAME", "ROLE", "MERCHANT", "CREATED", "DISABLED");
            for (var user : users) {
                out().printf("%-24s %-9s %-16s %-24s %s%n", user.username(), user.role().wireName(),
                        user.merchantId() == null ? "-" : user.merchantId(), user.createdAt(),
                        user.disabledAt() == null ? "-" : user.disabledAt());
            }
            return 0;
        }
    }

    @Command(name = "disable", description = "Disable a user at once (their sessions end on their next request).")
    static class Disable extends DatabaseCommand {

        @Parameters(paramLabel = "USERNAME", description = "The user's name.")
        String username;

        @Override
        int run(ConfigurableApplicationContext context) {
            context.getBean(ConsoleUsers.class).disable(username, ACTOR);
            out().println("Disabled " + username + ".");
            return 0;
        }
    }
}
