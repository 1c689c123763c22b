package io.orderkeep.cli;

import io.orderkeep.ops.Check;
import io.orderkeep.ops.OpsChecks;
import java.util.List;
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

    @Override
    int run(ConfigurableApplicationContext context) {
        List<Check> checks = context.getBean(OpsChecks.class).all();
        int width = checks.stream().mapToInt(c -> c.name().length()).max().orElse(8);
        for (Check check : checks) {
            out().println((check.ok() ? "OK    " : "FAIL  ") + pad(check.name(), width) + "  " + check.detail());
            if (!check.ok()) {
                out().println("      " + pad("", width) + "  fix: " + check.fix());
            }
        }
        long failed = checks.stream().filter(c -> !c.ok()).count();
        out().println(failed == 0 ? "All " + checks.size() + " checks passed."
                : failed + " of " + checks.size() + " checks failed.");
        return failed == 0 ? 0 : 1;
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
