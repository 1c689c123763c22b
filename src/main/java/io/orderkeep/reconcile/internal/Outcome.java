package io.orderkeep.reconcile.internal;

import io.orderkeep.reconcile.domain.RowType;
import io.orderkeep.reconcile.domain.Verdict;
import io.orderkeep.reconcile.jdbc.StoredRow;
import io.orderkeep.platform.Ids;
import java.time.Clock;

/**
 * One classified row (or final-pass verdict) before it is stored. {@code type} is null for a rejected row or a
 * final-pass verdict; {@code rowKey} and {@code named} are what a resumed run must remember of it; {@code providerRef}
 * the row's provider reference (the transaction id of a final-pass verdict is already one).
 */
record Outcome(Verdict verdict, RowType type, String rowKey, String named, String providerRef) {

    /** Final-pass verdicts have line 0; the local record they name keeps them apart. */
    String localKey() {
        if (verdict.line() > 0) {
            return "";
        }
        return verdict.refundId() != null ? "refund:" + verdict.refundId() : "payment:" + verdict.attemptId();
    }

    StoredRow stored(String runId, Repairs.Decision decision, Clock clock) {
        return new StoredRow(Ids.next("dis", clock), runId, verdict.line(), localKey(), verdict.kind().name(), rowKey,
                named, verdict.transactionId(),
                providerRef != null || verdict.line() > 0 ? providerRef : verdict.transactionId(), verdict.attemptId(), verdict.refundId(), verdict.orderId(),
                verdict.amount(), verdict.currency(), verdict.detail() == null ? "" : verdict.detail(),
                decision.resolution(), decision.suggestion(), null, null, null, null);
    }
}
