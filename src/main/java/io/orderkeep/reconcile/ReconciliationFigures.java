package io.orderkeep.reconcile;

import java.util.Map;

/**
 * Counts over every stored reconciliation run (dry runs are never stored, so never counted), database-wide: what the
 * operations module exports as metrics.
 */
public interface ReconciliationFigures {

    Totals totals();

    /**
     * @param runsByStatus runs by status; {@code RUNNING}, {@code COMPLETED} and {@code FAILED} always present
     * @param rowsByKind stored rows by classification (the kinds of API.md, every one present, 0 when none),
     *     including the final pass's {@code MISSING_AT_PROVIDER} verdicts
     * @param needsReview discrepancies waiting for a person
     * @param resolved discrepancies not waiting: repaired by a run, ignored by the policy, or resolved by an operator
     * @param repairedByRun discrepancies a run repaired itself (the order marked paid through the state machine)
     * @param repairedByOperator discrepancies an operator resolved with {@code REPAIR}
     */
    record Totals(Map<String, Long> runsByStatus, Map<String, Long> rowsByKind, long needsReview, long resolved,
            long repairedByRun, long repairedByOperator) {

        public Totals {
            runsByStatus = Map.copyOf(runsByStatus);
            rowsByKind = Map.copyOf(rowsByKind);
        }
    }
}
