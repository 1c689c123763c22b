package io.orderkeep.reconcile.internal;

import java.util.List;

/** Where a run's outcomes go: the database (a real run) or memory (a dry run). */
interface RowSink {

    /** Stores a batch of file rows and moves the checkpoint to {@code lastLine}, atomically. */
    void batch(List<Outcome> outcomes, long lastLine);

    /** Stores a page of the final pass's verdicts and renews the run's lease. */
    void finalBatch(List<Outcome> outcomes);

    /** Renews the run's lease while the final pass reads the window back without verdicts to store. */
    void renew();

    /** Stores the final pass's last verdicts and marks the run completed, atomically. */
    void finish(List<Outcome> finalPass);
}
