package io.orderkeep.cli;

import io.orderkeep.reconcile.Reconciliations;
import io.orderkeep.reconcile.RunSummary;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code orderkeep reconcile FILE --provider sandbox [--dry-run]}: runs a settlement file in this process, a
 * progress bar on stderr (rows, rate, time left), a summary table on stdout. Exit code 0 when the run completed.
 */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = "Reconcile a provider's settlement file against the stored payments.")
class ReconcileCommand extends DatabaseCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "The settlement file (CSV).")
    Path file;

    @Option(names = "--provider", required = true, description = "Whose file it is: sandbox, wechat, alipay.")
    String provider;

    @Option(names = "--dry-run", description = "Change nothing; report what the run would do.")
    boolean dryRun;

    @Option(names = "--date", description = "The settlement day the file covers (default: the day most rows fall on).")
    LocalDate date;

    @Override
    int run(ConfigurableApplicationContext context) {
        if (!Files.isReadable(file)) {
            err().println("error: cannot read " + file);
            return 1;
        }
        var bar = new ProgressBar(err(), System.nanoTime());
        RunSummary run = context.getBean(Reconciliations.class)
                .submit(provider, file, date, dryRun, ACTOR, true, bar::update);
        bar.done();
        print(out(), run);
        return "COMPLETED".equals(run.status()) ? 0 : 1;
    }

    static void print(PrintWriter out, RunSummary run) {
        out.printf("Reconciliation %s (%s, %s%s)%n", run.id(), run.provider(), run.status(),
                run.dryRun() ? ", dry run: nothing was changed" : "");
        out.printf("%-22s %12s%n", "kind", "count");
        for (String kind : new String[] {"MATCHED", "MISSING_LOCAL", "MISSING_AT_PROVIDER", "AMOUNT_MISMATCH",
                "STATUS_MISMATCH", "DUPLICATE_PAYMENT", "INVALID_ROW"}) {
            out.printf("%-22s %12d%n", kind, run.count(kind));
        }
        for (var line : Map.of("rows read", run.rowsRead(), "repaired", run.repaired(),
                "needs review", run.needsReview()).entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            out.printf("%-22s %12d%n", line.getKey(), line.getValue());
        }
        if (run.error() != null) {
            out.println("error: " + run.error());
        }
    }

    /** One line on stderr, redrawn at most five times a second: bar, rows, rate, time left. */
    static final class ProgressBar {

        private final PrintWriter err;
        private final long started;
        private long drawn;

        ProgressBar(PrintWriter err, long started) {
            this.err = err;
            this.started = started;
        }

        void update(long read, long total) {
            long now = System.nanoTime();
            if (now - drawn < 200_000_000L && read < total) {
                return;
            }
            drawn = now;
            double seconds = Math.max((now - started) / 1e9, 1e-3);
            double rate = read / seconds;
            int filled = total == 0 ? 30 : (int) (30 * read / total);
            long left = rate > 0 ? Math.round((total - read) / rate) : 0;
            err.printf("\r[%s%s] %,d/%,d rows  %,.0f rows/s  %d:%02d left ", "#".repeat(filled),
                    ".".repeat(30 - filled), read, total, rate, left / 60, left % 60);
            err.flush();
        }

        void done() {
            err.println();
        }
    }
}
