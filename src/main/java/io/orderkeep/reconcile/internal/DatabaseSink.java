package io.orderkeep.reconcile.internal;

import io.orderkeep.reconcile.jdbc.RunRows;
import io.orderkeep.reconcile.jdbc.Runs;
import io.orderkeep.reconcile.jdbc.StoredRow;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A real run's sink: each batch (its rows, their repairs, the checkpoint) in one transaction, so a crash leaves
 * either all of a batch or none of it; rows are keyed by (run, line), so a batch stored twice is stored once.
 */
record DatabaseSink(String runId, String owner, Duration lease, Runs runs, RunRows rows, Repairs repairs, TransactionTemplate tx,
        Clock clock) implements RowSink {

    @Override
    public void batch(List<Outcome> outcomes, long lastLine) {
        tx.executeWithoutResult(status -> {
            store(outcomes);
            if (!runs.checkpoint(runId, owner, lastLine, lease)) {
                throw takenOver();
            }
        });
    }

    @Override
    public void finalBatch(List<Outcome> outcomes) {
        // A resumed run's final pass starts again from the window's beginning: rows already stored are kept once
        // (unique on run, line 0 and the payment or refund named), and these verdicts change nothing else.
        tx.executeWithoutResult(status -> {
            store(outcomes);
            renew();
        });
    }

    @Override
    public void renew() {
        if (!runs.renew(runId, owner, lease)) {
            throw takenOver();
        }
    }

    @Override
    public void finish(List<Outcome> finalPass) {
        tx.executeWithoutResult(status -> {
            store(finalPass);
            runs.finish(runId, "COMPLETED", null);
        });
    }

    private IllegalStateException takenOver() {
        return new IllegalStateException("run " + runId + " was taken over by another instance");
    }

    /** Settlement hops first (see {@link Repairs#settled}), then each row's repair, then the rows in one batch. */
    private void store(List<Outcome> outcomes) {
        repairs.settled(outcomes.stream().map(Outcome::verdict).toList(),
                outcomes.stream().map(Outcome::type).toList());
        List<StoredRow> stored = new ArrayList<>(outcomes.size());
        for (Outcome outcome : outcomes) {
            var decision = repairs.apply(runId, outcome.verdict(), outcome.type(), false);
            stored.add(outcome.stored(runId, decision, clock));
        }
        rows.insertAll(stored);
    }
}
