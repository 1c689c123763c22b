package io.orderkeep.cli;

import io.orderkeep.audit.AuditEntries;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;

/** {@code orderkeep audit verify}: checks the whole hash chain; exit code 0 when intact, 1 when not. */
@Command(name = "audit", description = "Work with the audit trail.", mixinStandardHelpOptions = true,
        subcommands = AuditCommand.Verify.class)
class AuditCommand {

    @Command(name = "verify", description = "Verify the audit trail's hash chain; exit code 1 names the first bad entry.")
    static class Verify extends DatabaseCommand {

        @Override
        int run(ConfigurableApplicationContext context) {
            var verification = context.getBean(AuditEntries.class).verify();
            if (verification.ok()) {
                out().println("OK: " + verification.entries() + " entries checked, the chain is intact.");
                return 0;
            }
            out().println("BROKEN: " + verification.entries() + " entries checked; the first bad entry is seq "
                    + verification.firstBadSeq() + " (changed, missing or out of place).");
            return 1;
        }
    }
}
