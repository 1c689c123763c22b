package io.orderkeep.reconcile.internal;

import java.time.Clock;
import java.util.List;

/** A dry run's sink: what the policy would do, kept in memory; nothing is written anywhere. */
record DrySink(DryRun run, Repairs repairs, Clock clock) implements RowSink {

    @Override
    public void batch(List<Outcome> outcomes, long lastLine) {
        outcomes.forEach(this::keep);
    }

    @Override
    public void finalBatch(List<Outcome> outcomes) {
        outcomes.forEach(this::keep);
    }

    @Override
    public void renew() {
        // a dry run holds no lease
    }

    @Override
    public void finish(List<Outcome> finalPass) {
        finalPass.forEach(this::keep);
        run.status = "COMPLETED";
    }

    private void keep(Outcome outcome) {
        var decision = repairs.apply(run.id, outcome.verdict(), outcome.type(), true);
        run.add(outcome.stored(run.id, decision, clock));
    }
}
