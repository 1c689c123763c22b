package io.orderkeep.cli;

import io.orderkeep.access.ApiKeys;
import io.orderkeep.platform.Role;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code orderkeep keys create|list|revoke}: API keys, managed beside or without a running server. */
@Command(name = "keys", description = "Create, list and revoke API keys.", mixinStandardHelpOptions = true,
        subcommands = {KeysCommand.Create.class, KeysCommand.List.class, KeysCommand.Revoke.class})
class KeysCommand {

    @Command(name = "create", description = "Create a key and print it (the only time it is shown).")
    static class Create extends DatabaseCommand {

        @Option(names = "--role", required = true, description = "admin, operator, merchant or auditor.")
        Role role;

        @Option(names = "--merchant", description = "The merchant a merchant key belongs to.")
        String merchantId;

        @Option(names = "--name", description = "What the key is for, e.g. \"shop backend\".")
        String name;

        @Override
        int run(ConfigurableApplicationContext context) {
            var created = context.getBean(ApiKeys.class).create(role, merchantId, name, ACTOR);
            var key = created.key();
            // The key alone on standard output, so that KEY=$(orderkeep keys create …) works.
            err().println("Created " + key.id() + " (role " + key.role().wireName()
                    + (key.merchantId() == null ? "" : ", merchant " + key.merchantId())
                    + "). The key is shown only this once; keep it safe:");
            out().println(created.secret());
            return 0;
        }
    }

    @Command(name = "list", description = "List keys (never the keys themselves).")
    static class List extends DatabaseCommand {

        @Override
        int run(ConfigurableApplicationContext context) {
            var keys = context.getBean(ApiKeys.class).list();
            out().printf("%-30s %-9s %-16s %-8s %-24s %-24s %s%n", "ID", "ROLE", "MERCHANT", "PREFIX", "CREATED",
                    "REVOKED", "NAME");
            for (var key : keys) {
                out().printf("%-30s %-9s %-16s %-8s %-24s %-24s %s%n", key.id(), key.role().wireName(),
                        key.merchantId() == null ? "-" : key.merchantId(), key.prefix(), key.createdAt(),
                        key.revokedAt() == null ? "-" : key.revokedAt(), key.name());
            }
            return 0;
        }
    }

    @Command(name = "revoke", description = "Revoke a key at once.")
    static class Revoke extends DatabaseCommand {

        @Parameters(paramLabel = "ID", description = "The key's id (key_…).")
        String id;

        @Override
        int run(ConfigurableApplicationContext context) {
            context.getBean(ApiKeys.class).revoke(id, ACTOR);
            out().println("Revoked " + id + ".");
            return 0;
        }
    }
}
