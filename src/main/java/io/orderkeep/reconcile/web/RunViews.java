package io.orderkeep.reconcile.web;

import io.orderkeep.reconcile.RunSummary;
import io.orderkeep.reconcile.jdbc.StoredRow;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shapes of API.md "Reconciliation". */
final class RunViews {

    private RunViews() {}

    static Map<String, Object> run(RunSummary run) {
        var body = new LinkedHashMap<String, Object>();
        body.put("id", run.id());
        body.put("provider", run.provider());
        body.put("fileSha256", run.fileSha256());
        body.put("status", run.status());
        body.put("dryRun", run.dryRun());
        body.put("progress", Map.of("rowsRead", run.rowsRead(), "rowsTotal", run.rowsTotal()));
        body.put("counts", new LinkedHashMap<>(ordered(run)));
        body.put("repaired", run.repaired());
        body.put("needsReview", run.needsReview());
        if (run.error() != null) {
            body.put("error", run.error());
        }
        return body;
    }

    static Map<String, Object> discrepancy(StoredRow row) {
        var body = new LinkedHashMap<String, Object>();
        body.put("id", row.id());
        body.put("reconciliationId", row.runId());
        body.put("kind", row.kind());
        body.put("line", row.line());
        body.put("transactionId", row.transactionId());
        body.put("attemptId", row.attemptId());
        body.put("refundId", row.refundId());
        body.put("orderId", row.orderId());
        body.put("amount", row.amount());
        body.put("currency", row.currency());
        body.put("detail", row.detail());
        body.put("resolution", row.resolution());
        body.put("suggestion", row.suggestion());
        if (row.resolvedAction() != null) {
            body.put("resolved", Map.of("action", row.resolvedAction(), "by", row.resolvedBy(),
                    "reason", row.resolvedReason(), "at", Instant.ofEpochMilli(row.resolvedAt()).toString()));
        }
        return body;
    }

    private static Map<String, Long> ordered(RunSummary run) {
        var counts = new LinkedHashMap<String, Long>();
        for (String kind : new String[] {"MATCHED", "MISSING_LOCAL", "MISSING_AT_PROVIDER", "AMOUNT_MISMATCH",
                "STATUS_MISMATCH", "DUPLICATE_PAYMENT", "INVALID_ROW"}) {
            counts.put(kind, run.count(kind));
        }
        return counts;
    }
}
