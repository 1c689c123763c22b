package io.orderkeep.reconcile.internal;

import io.orderkeep.reconcile.domain.MatchKind;
import java.util.LinkedHashMap;
import java.util.Map;

/** Shared bits of building a {@link io.orderkeep.reconcile.RunSummary}. */
final class Summaries {

    private Summaries() {}

    /** Every kind with 0, in API.md's order. */
    static Map<String, Long> emptyCounts() {
        var counts = new LinkedHashMap<String, Long>();
        for (MatchKind kind : MatchKind.values()) {
            counts.put(kind.name(), 0L);
        }
        return counts;
    }

    static boolean isRepaired(String resolution) {
        return "AUTO_REPAIRED".equals(resolution) || "REPAIRED".equals(resolution);
    }
}
