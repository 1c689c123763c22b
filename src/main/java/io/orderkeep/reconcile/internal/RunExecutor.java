package io.orderkeep.reconcile.internal;

import io.orderkeep.reconcile.Reconciliations.Progress;
import io.orderkeep.reconcile.domain.LocalMatch;
import io.orderkeep.reconcile.domain.LocalPayment;
import io.orderkeep.reconcile.domain.LocalPayments;
import io.orderkeep.reconcile.domain.ReadOutcome;
import io.orderkeep.reconcile.domain.Reconciliation;
import io.orderkeep.reconcile.domain.RunMemory;
import io.orderkeep.reconcile.domain.SettlementReader;
import io.orderkeep.reconcile.domain.SettlementRow;
import io.orderkeep.reconcile.domain.SettlementWindow;
import io.orderkeep.reconcile.domain.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * Reads a file and classifies its rows in batches, handing each batch to a {@link RowSink} with the line it
 * reached. Lines up to {@code checkpoint} were stored by an earlier attempt: they are read but not classified,
 * and {@code recall} has already put what they named into the memory.
 */
final class RunExecutor {

    /** Thrown by the test hook to stop a run as a crash would: nothing after the last stored batch happens. */
    static final class Stopped extends RuntimeException {
        Stopped(long rows) {
            super("stopped after " + rows + " rows");
        }
    }

    /** Payments of the window read back between two renewals of the lease. */
    static final int RENEW_EVERY = 2_000;

    /** Rows from which a run remembers fingerprints rather than strings. */
    static final long COMPACT_FROM = 200_000;

    private final SettlementReader reader;
    private final LocalPayments local;
    private final int batchSize;

    RunExecutor(SettlementReader reader, LocalPayments local, int batchSize) {
        this.reader = reader;
        this.local = local;
        this.batchSize = batchSize;
    }

    /**
     * @param recall fills the memory with what the stored rows named (nothing for a fresh run)
     * @param stopAfter the test hook: stop (throw {@link Stopped}) once this many rows are stored; -1 never
     */
    void run(Path file, SettlementWindow window, long checkpoint, long rowsTotal,
            java.util.function.Consumer<RecordingMemory> recall, RowSink sink, Progress progress, long stopAfter) {
        // Strings in hash maps cost about 100 bytes a row; past a few hundred thousand rows the 64-bit fingerprints.
        RecordingMemory memory = new RecordingMemory(rowsTotal > COMPACT_FROM ? RunMemory.compact((int) Math.min(rowsTotal, 1 << 30))
                : RunMemory.inMemory());
        recall.accept(memory);
        Reconciliation reconciliation = new Reconciliation(local, window, memory);
        long done = 0;
        List<ReadOutcome> pending = new ArrayList<>(batchSize);
        try (Stream<ReadOutcome> rows = reader.read(Files.newInputStream(file))) {
            Iterator<ReadOutcome> it = rows.iterator();
            while (it.hasNext()) {
                ReadOutcome outcome = it.next();
                done++;
                if (outcome.line() <= checkpoint) {
                    continue;
                }
                pending.add(outcome);
                boolean stopping = stopAfter >= 0 && done >= stopAfter;
                if (pending.size() >= batchSize || stopping) {
                    sink.batch(classify(reconciliation, memory, pending), pending.getLast().line());
                    pending.clear();
                    progress.update(done, rowsTotal);
                }
                if (stopping) {
                    throw new Stopped(done);
                }
            }
            if (!pending.isEmpty()) {
                sink.batch(classify(reconciliation, memory, pending), pending.getLast().line());
            }
            progress.update(done, rowsTotal);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        finalPass(window, memory, sink);
    }

    /**
     * The window read back page by page (10 million payments are possible): verdicts stored a batch at a time, and
     * the lease renewed every {@value #RENEW_EVERY} payments read, so a long pass is never taken for abandoned.
     */
    private void finalPass(SettlementWindow window, RunMemory memory, RowSink sink) {
        long[] read = {0};
        LocalPayments renewing = new LocalPayments() {
            @Override
            public Stream<LocalPayment> settledWithin(SettlementWindow w) {
                return local.settledWithin(w).peek(p -> {
                    if (++read[0] % RENEW_EVERY == 0) {
                        sink.renew();
                    }
                });
            }

            @Override
            public Optional<LocalPayment> byProviderRef(String providerRef) {
                return local.byProviderRef(providerRef);
            }

            @Override
            public Optional<LocalPayment> byAttemptId(String attemptId) {
                return local.byAttemptId(attemptId);
            }

            @Override
            public List<LocalPayment> attemptsOf(String orderId) {
                return local.attemptsOf(orderId);
            }

            @Override
            public List<LocalMatch> findAll(List<SettlementRow> rows) {
                return local.findAll(rows);
            }
        };
        List<Outcome> page = new ArrayList<>(batchSize);
        new Reconciliation(renewing, window, memory).finish(verdict -> {
            page.add(new Outcome(verdict, null, null, null, null));
            if (page.size() >= batchSize) {
                sink.finalBatch(List.copyOf(page));
                page.clear();
            }
        });
        sink.finish(page);
    }

    /** The batch's payments looked up together, then each row classified in file order. */
    private List<Outcome> classify(Reconciliation reconciliation, RecordingMemory memory, List<ReadOutcome> batch) {
        List<SettlementRow> accepted = new ArrayList<>(batch.size());
        for (ReadOutcome outcome : batch) {
            if (outcome instanceof SettlementRow row) {
                accepted.add(row);
            }
        }
        Iterator<LocalMatch> matches = local.findAll(accepted).iterator();
        List<Outcome> classified = new ArrayList<>(batch.size());
        for (ReadOutcome outcome : batch) {
            if (outcome instanceof SettlementRow row) {
                Verdict verdict = reconciliation.classify(row, matches.next());
                classified.add(new Outcome(verdict, row.type(), row.key(), memory.drainNamed(), row.providerRef()));
            } else {
                classified.add(new Outcome(reconciliation.classify(outcome, LocalMatch.none()), null, null,
                        memory.drainNamed(), null));
            }
        }
        return classified;
    }

    /** Counts the data rows and tallies the local dates rows fall on (for the window when no day is given). */
    static void survey(SettlementReader reader, Path file, BiConsumer<Long, ReadOutcome> each) {
        try (Stream<ReadOutcome> rows = reader.read(Files.newInputStream(file))) {
            long[] n = {0};
            rows.forEach(row -> each.accept(++n[0], row));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
