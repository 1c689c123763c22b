package io.orderkeep.cli;

import io.orderkeep.ops.Check;
import io.orderkeep.ops.OpsChecks;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;

/**
 * {@code orderkeep doctor}: checks configuration and database (a start that fails on either is reported in one
 * line), migrations, the clock against the database's, backlogs, the dispatcher's and watch's pulse and the
 * providers' reachability; prints what to fix; exit code 1 when anything failed.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check configuration, database, clock, backlogs and providers; print what to fix.")
class DoctorCommand extends DatabaseCommand {

    /** A doctor reports pending migrations: it must not apply them on its way in. */
    @Override
    Map<String, String> startProperties() {
        return Map.of("orderkeep.ops.migrate-on-start", "false");
    }

    @Override
    int run(ConfigurableApplicationContext context) {
        List<Check> checks = context.getBean(OpsChecks.class).all();
        int width = checks.stream().mapToInt(c -> c.name().length()).max().orElse(8);
        for (Check check : checks) {
            out().println((!check.ok() ? "FAIL  " : check.warning() ? "WARN  " : "OK    ") + pad(check.name(), width)
                    + "  " + check.detail());
            if (check.fix() != null) {
                out().println("      " + pad("", width) + "  fix: " + check.fix());
            }
        }
        long failed = checks.stream().filter(c -> !c.ok()).count();
        out().println(failed == 0 ? "All " + checks.size() + " checks passed."
                : failed + " of " + checks.size() + " checks failed.");
        return failed == 0 ? 0 : 1;
    }

    /**
     * Orderkeep could not start (its database unreachable, a setting it cannot start with): that is the doctor's
     * finding, in the same form as the others.
     */
    @Override
    int failed(RuntimeException e) {
        Throwable cause = rootCause(e);
        boolean database = Stream.iterate((Throwable) e, c -> c != null, Throwable::getCause)
                .anyMatch(c -> c instanceof java.sql.SQLException || c instanceof java.net.ConnectException);
        String name = database ? "database" : "configuration";
        out().println("FAIL  " + name + "  " + (database ? "not reachable: " : "Orderkeep cannot start: ")
                + cause.getMessage());
        out().println("      " + pad("", name.length()) + "  fix: " + (database
                ? "check ORDERKEEP_DB_URL / ORDERKEEP_DB_USER / ORDERKEEP_DB_PASSWORD and that the database is up"
                : "correct the setting it names (ORDERKEEP_* variable or --orderkeep.x=y) and run doctor again"));
        out().println("1 of 1 checks failed.");
        return 1;
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
