package io.orderkeep.reconcile;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Starts and finds reconciliation runs. A run is idempotent on its file's SHA-256: submitting the same file again
 * answers the existing run. A run survives a crash: any instance resumes it from its last checkpoint. A dry run
 * changes nothing (it writes no row in any table) and is kept in memory only.
 */
public interface Reconciliations {

    /** Told after each batch of rows; the CLI draws its progress bar from it. */
    @FunctionalInterface
    interface Progress {
        void update(long rowsRead, long rowsTotal);

        Progress NONE = (read, total) -> { };
    }

    /**
     * Runs the settlement file {@code file} of {@code provider} (the file is copied into the data dir).
     *
     * @param day the settlement day the file covers; null to take the day most rows fall on
     * @param wait true to run in the calling thread and return the finished run; false to run in the background
     */
    RunSummary submit(String provider, Path file, LocalDate day, boolean dryRun, String actor, boolean wait,
            Progress progress);

    /** Fetches the provider's file for {@code day} and submits it (in the background unless {@code wait}). */
    RunSummary fetch(String provider, LocalDate day, boolean dryRun, String actor, boolean wait);

    Optional<RunSummary> find(String id);
}
