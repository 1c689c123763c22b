package io.orderkeep.cli.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Reconciles the sandbox's settlement file of each day through the reconcile API, as an operator would. */
final class Reconciler {

    private static final List<String> DISCREPANCIES = List.of("MISSING_LOCAL", "MISSING_AT_PROVIDER",
            "AMOUNT_MISMATCH", "STATUS_MISMATCH", "DUPLICATE_PAYMENT", "INVALID_ROW");
    private static final Duration RUN_LIMIT = Duration.ofMinutes(2);

    private Reconciler() {}

    static Summary.Reconciled reconcile(DemoHttp orderkeep, List<LocalDate> days) throws InterruptedException {
        long rows = 0;
        long matched = 0;
        long discrepancies = 0;
        long repaired = 0;
        long review = 0;
        var names = new ArrayList<String>();
        for (LocalDate day : days) {
            JsonNode run = orderkeep.post("/api/v1/reconciliations", Map.of("provider", "sandbox", "date", day.toString()))
                    .expect("POST /api/v1/reconciliations");
            String id = run.path("id").asString();
            Instant giveUp = Instant.now().plus(RUN_LIMIT);
            while (run.path("status").asString().equals("RUNNING") && Instant.now().isBefore(giveUp)) {
                Thread.sleep(200);
                run = orderkeep.get("/api/v1/reconciliations/" + id).expect("GET /api/v1/reconciliations/" + id);
            }
            if (!run.path("status").asString().equals("COMPLETED")) {
                throw new IllegalStateException("reconciliation " + id + " of " + day + " ended " + run);
            }
            names.add(day + " (" + id + ")");
            rows += run.path("progress").path("rowsRead").asLong();
            matched += run.path("counts").path("MATCHED").asLong();
            for (String kind : DISCREPANCIES) {
                discrepancies += run.path("counts").path(kind).asLong();
            }
            repaired += run.path("repaired").asLong();
            review += run.path("needsReview").asLong();
        }
        return new Summary.Reconciled(names, rows, matched, discrepancies, repaired, review);
    }
}
