package io.orderkeep.reconcile.internal;

import java.util.List;

/** Where a run's outcomes go: the database (a real run) or memory (a dry run). */
interface RowSink {

    /** Stores a batch of file rows and moves the checkpoint to {@code lastLine}, atomically. */
    void batch(List<Outcome> outcomes, long lastLine);

    /** Stores the final pass's verdicts and marks the run completed, atomically. */
    void finish(List<Outcome> finalPass);
}
