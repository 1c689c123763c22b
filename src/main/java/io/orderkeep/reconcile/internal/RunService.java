package io.orderkeep.reconcile.internal;

import io.orderkeep.audit.AuditTrail;
import io.orderkeep.payment.PaymentProvider;
import io.orderkeep.payment.ProviderRejected;
import io.orderkeep.payment.ProviderUnavailable;
import io.orderkeep.platform.ApiException;
import io.orderkeep.platform.Ids;
import io.orderkeep.reconcile.Reconciliations;
import io.orderkeep.reconcile.RunSummary;
import io.orderkeep.reconcile.domain.SettlementFormatException;
import io.orderkeep.reconcile.domain.SettlementReader;
import io.orderkeep.reconcile.domain.SettlementRow;
import io.orderkeep.reconcile.domain.SettlementWindow;
import io.orderkeep.reconcile.jdbc.RunRows;
import io.orderkeep.reconcile.jdbc.Runs;
import io.orderkeep.reconcile.jdbc.StoredRun;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs reconciliations: stores the file and the run, works it in a virtual thread (or the caller's), and resumes
 * runs that an instance left RUNNING when it died, from their checkpoint, on start-up and every minute after.
 */
@Service
public class RunService implements Reconciliations {

    private static final int MAX_DRY_RUNS = 20;
    private static final Logger log = LoggerFactory.getLogger(RunService.class);

    private final Runs runs;
    private final RunRows rows;
    private final Repairs repairs;
    private final ReconcileProviders providers;
    private final RunFiles files;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int batchSize;
    private final String owner = "rec-" + UUID.randomUUID();
    private final Map<String, DryRun> dryRuns = new ConcurrentHashMap<>();
    /** A run's lease: renewed at every batch, so it runs out only when its holder stopped working. */
    private final Duration lease;
    /** The test hook, by file: a run stops as a crash would once it stored that many rows. */
    private final Map<String, Long> stopAfter = new ConcurrentHashMap<>();

    RunService(Runs runs, RunRows rows, Repairs repairs, ReconcileProviders providers,
            RunFiles files, AuditTrail audit, TransactionTemplate tx, Clock clock, Environment environment) {
        this.runs = runs;
        this.rows = rows;
        this.repairs = repairs;
        this.providers = providers;
        this.files = files;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.batchSize = environment.getProperty("orderkeep.reconcile.batch-size", Integer.class, 500);
        this.lease = environment.getProperty("orderkeep.reconcile.lease", Duration.class, Duration.ofMinutes(2));
    }

    @Override
    public RunSummary submit(String provider, Path file, LocalDate day, boolean dryRun, String actor, boolean wait,
            Progress progress) {
        try (InputStream in = Files.newInputStream(file)) {
            return submit(provider, in, day, dryRun, actor, wait, progress);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As {@link #submit(String, Path, LocalDate, boolean, String, boolean, Progress)}, from a stream (an upload). */
    public RunSummary submit(String provider, InputStream in, LocalDate day, boolean dryRun, String actor,
            boolean wait, Progress progress) {
        SettlementReader reader = SettlementReader.of(providers.mapping(provider));
        ZoneId zone = providers.zone(provider);
        RunFiles.Kept kept = dryRun ? files.scratch(in) : files.keep(in);
        long[] total = {0};
        Map<LocalDate, Long> days = new HashMap<>();
        try {
            RunExecutor.survey(reader, kept.path(), (n, row) -> {
                total[0] = n;
                if (row instanceof SettlementRow accepted) {
                    days.merge(LocalDate.ofInstant(accepted.occurredAt(), zone), 1L, Long::sum);
                }
            });
        } catch (SettlementFormatException e) {
            if (dryRun) {
                RunFiles.discard(kept);
            }
            throw ApiException.validation("file", "is not a " + provider + " settlement file: " + e.getMessage());
        }
        LocalDate settlementDay = day != null ? day : days.entrySet().stream()
                .max(Map.Entry.<LocalDate, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse(LocalDate.now(clock.withZone(zone)).minusDays(1));
        SettlementWindow window = SettlementWindow.day(settlementDay, zone);
        if (dryRun) {
            return dryRun(provider, reader, kept, window, total[0], wait, progress);
        }
        String newId = Ids.next("rec", clock);
        StoredRun stored = tx.execute(status -> {
            StoredRun created = runs.insertOrExisting(new StoredRun(newId, provider, kept.sha256(),
                    kept.path(), settlementDay, zone, "RUNNING", total[0], 0, null), actor);
            if (runs.retryFailed(created.id())) {
                audit.record(actor, "reconciliation.retried", "reconciliation", created.id(),
                        Map.of("provider", provider, "fileSha256", kept.sha256()));
            } else if (created.id().equals(newId)) {
                audit.record(actor, "reconciliation.submitted", "reconciliation", created.id(),
                        Map.of("provider", provider, "fileSha256", kept.sha256(), "day", settlementDay.toString()));
            }
            return created;
        });
        if (wait) {
            execute(stored.id(), progress);
        } else {
            Thread.ofVirtual().name("reconcile-" + stored.id()).start(() -> execute(stored.id(), progress));
        }
        return find(stored.id()).orElseThrow();
    }

    @Override
    public RunSummary fetch(String provider, LocalDate day, boolean dryRun, String actor, boolean wait) {
        PaymentProvider payments = providers.paymentProvider(provider)
                .orElseThrow(() -> ApiException.validation("provider", "cannot fetch files from '" + provider + "'"));
        InputStream file;
        try {
            file = payments.settlement(day);
        } catch (ProviderUnavailable e) {
            throw ApiException.unavailable("provider " + provider + " did not send its file for " + day
                    + "; try again", 30);
        } catch (ProviderRejected e) {
            throw ApiException.validation("date", "provider " + provider + " has no file for " + day + " ("
                    + e.getMessage() + ")");
        }
        return submit(provider, file, day, dryRun, actor, wait, Progress.NONE);
    }

    @Override
    public Optional<RunSummary> find(String id) {
        DryRun dry = dryRuns.get(id);
        if (dry != null) {
            return Optional.of(dry.summary());
        }
        return runs.find(id).map(run -> {
            var counts = Summaries.emptyCounts();
            counts.putAll(rows.countsByKind(id));
            var resolutions = rows.countsByResolution(id);
            long repaired = resolutions.getOrDefault("AUTO_REPAIRED", 0L) + resolutions.getOrDefault("REPAIRED", 0L);
            return new RunSummary(run.id(), run.provider(), run.fileSha256(), run.status(), false, rows.rowsRead(id),
                    run.rowsTotal(), counts, repaired, resolutions.getOrDefault("NEEDS_REVIEW", 0L), run.error());
        });
    }

    /** A dry run's rows (for its reports and discrepancy list), if {@code id} is a dry run. */
    Optional<DryRun> dryRun(String id) {
        return Optional.ofNullable(dryRuns.get(id));
    }

    /**
     * Test hook: the next run of the file with this SHA-256 stops as a crash would once it stored {@code rowCount}
     * rows (its lease left to run out). Other runs, of other files, are not touched.
     */
    public void stopRunOfFileAfter(String fileSha256, long rowCount) {
        stopAfter.put(fileSha256, rowCount);
    }

    /** Resumes every RUNNING run whose lease is free, one after the other, in the calling thread. */
    @Scheduled(initialDelayString = "${orderkeep.reconcile.resume-every:60s}",
            fixedDelayString = "${orderkeep.reconcile.resume-every:60s}")
    public void resumeAbandoned() {
        for (String id : runs.abandoned()) {
            execute(id, Progress.NONE);
        }
    }

    /** Only a serving instance resumes at start-up: a command-line context closes before a resume could end. */
    @EventListener(ApplicationReadyEvent.class)
    void resumeOnStart(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext) {
            Thread.ofVirtual().name("reconcile-resume").start(this::resumeAbandoned);
        }
    }

    private void execute(String runId, Progress progress) {
        if (!runs.claim(runId, owner, lease)) {
            return;
        }
        StoredRun run = runs.find(runId).orElseThrow();
        SettlementReader reader = SettlementReader.of(providers.mapping(run.provider()));
        try {
            new RunExecutor(reader, providers.payments(run.provider()), batchSize).run(run.file(), SettlementWindow.day(run.day(), run.zone()),
                    run.checkpointLine(), run.rowsTotal(),
                    memory -> rows.each(runId, r -> memory.recall(r.line() > 0 ? r.rowKey() : null, r.line(), r.named())),
                    new DatabaseSink(run.id(), owner, lease, runs, rows, repairs, tx, clock), progress,
                    Optional.ofNullable(stopAfter.remove(run.fileSha256())).orElse(-1L));
        } catch (RunExecutor.Stopped stopped) {
            log.info("reconciliation {} {} (test hook); it resumes from its checkpoint", runId, stopped.getMessage());
        } catch (RuntimeException e) {
            log.warn("reconciliation {} failed", runId, e);
            runs.finish(runId, "FAILED", String.valueOf(e.getMessage()));
        }
    }

    private RunSummary dryRun(String provider, SettlementReader reader, RunFiles.Kept kept, SettlementWindow window,
            long total, boolean wait, Progress progress) {
        DryRun dry = new DryRun(Ids.next("rec", clock), provider, kept.sha256(), total);
        dryRuns.put(dry.id, dry);
        // Dry runs live in memory only: keep the latest few, so repeated ones cannot fill the heap.
        while (dryRuns.size() > MAX_DRY_RUNS) {
            dryRuns.keySet().stream().min(String::compareTo).ifPresent(dryRuns::remove);
        }
        Runnable work = () -> {
            try {
                new RunExecutor(reader, providers.payments(provider), batchSize).run(kept.path(), window, 0, total, memory -> { },
                        new DrySink(dry, repairs, clock), (read, all) -> {
                            dry.rowsRead = read;
                            progress.update(read, all);
                        }, -1);
            } catch (RuntimeException e) {
                log.warn("dry reconciliation {} failed", dry.id, e);
                dry.error = String.valueOf(e.getMessage());
                dry.status = "FAILED";
            } finally {
                RunFiles.discard(kept);
            }
        };
        if (wait) {
            work.run();
        } else {
            Thread.ofVirtual().name("reconcile-" + dry.id).start(work);
        }
        return dry.summary();
    }
}
