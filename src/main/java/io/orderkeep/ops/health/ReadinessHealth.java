package io.orderkeep.ops.health;

import io.orderkeep.ops.Check;
import io.orderkeep.ops.OpsChecks;
import io.orderkeep.ops.OpsFigures;
import io.orderkeep.ops.metrics.BusinessMetrics;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * {@code operations} health, part of readiness: the database answers, every migration is applied, and — from the
 * last metrics refresh, so a probe costs one {@code SELECT 1} — the backlog is under its threshold. Whether the
 * dispatcher and the watch keep up is shown in the details (with {@code show-details}) and fails {@code doctor},
 * not readiness. Unreturned orders are not a readiness failure either: serving is how they get fixed.
 */
@Component("operationsHealthIndicator")
class ReadinessHealth extends AbstractHealthIndicator {

    private static final java.util.Set<String> WORKERS = java.util.Set.of("dispatcher", "watch");

    private final OpsChecks checks;
    private final BusinessMetrics metrics;

    ReadinessHealth(OpsChecks checks, BusinessMetrics metrics) {
        this.checks = checks;
        this.metrics = metrics;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<Check> results = new ArrayList<>();
        results.add(checks.database());
        if (results.getFirst().ok()) {
            results.add(checks.migrations());
            OpsFigures last = metrics.last();
            if (last != null) {
                checks.backlogs(last).stream().filter(c -> !c.name().equals("unreturned")).forEach(results::add);
            }
        }
        // A stalled dispatcher or watch is reported but does not fail readiness: the figures are database-wide, so it
        // would take every instance out of service at once (say, while a provider is down and its checks wait).
        boolean ok = results.stream().filter(c -> !WORKERS.contains(c.name())).allMatch(Check::ok);
        (ok ? builder.up() : builder.down()).withDetails(details(results));
    }

    private static java.util.Map<String, Object> details(List<Check> results) {
        var details = new java.util.LinkedHashMap<String, Object>();
        results.forEach(c -> details.put(c.name(), c.detail()));
        return details;
    }
}
