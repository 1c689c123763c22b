package io.orderkeep.ops.health;

import io.orderkeep.ops.Check;
import io.orderkeep.ops.OpsChecks;
import io.orderkeep.ops.OpsFigures;
import io.orderkeep.ops.metrics.BusinessMetrics;
import io.orderkeep.platform.WorkerPulse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * {@code operations} health, part of readiness: the database answers, every migration is applied, this instance's
 * dispatcher and watch are alive ({@link WorkerPulse}: a pass ended recently, or the one running is not stuck), and —
 * from the last metrics refresh, so a probe costs one {@code SELECT 1} — the backlog is under its threshold. Whether
 * the dispatcher and the watch keep up with the database-wide work is shown in the details and fails {@code doctor},
 * not readiness: those figures are the same on every instance, so they would take all of them out at once.
 * Unreturned orders are not a readiness failure either: serving is how they get fixed.
 */
@Component("operationsHealthIndicator")
class ReadinessHealth extends AbstractHealthIndicator {

    private static final java.util.Set<String> WORKERS = java.util.Set.of("dispatcher", "watch");

    private final OpsChecks checks;
    private final Supplier<OpsFigures> lastFigures;
    private final WorkerPulse pulse;
    private final Duration maxIdle;
    private final Duration maxPass;

    @Autowired
    ReadinessHealth(OpsChecks checks, BusinessMetrics metrics, WorkerPulse pulse,
            @Value("${orderkeep.health.worker-max-idle:PT5M}") Duration maxIdle,
            @Value("${orderkeep.health.worker-max-pass:PT30M}") Duration maxPass) {
        this(checks, metrics::last, pulse, maxIdle, maxPass);
    }

    /** {@code lastFigures}: the last metrics refresh's figures, null before the first. */
    ReadinessHealth(OpsChecks checks, Supplier<OpsFigures> lastFigures, WorkerPulse pulse, Duration maxIdle,
            Duration maxPass) {
        this.checks = checks;
        this.lastFigures = lastFigures;
        this.pulse = pulse;
        this.maxIdle = maxIdle;
        this.maxPass = maxPass;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<Check> results = new ArrayList<>();
        results.add(checks.database());
        if (results.getFirst().ok()) {
            results.add(checks.migrations());
            OpsFigures last = lastFigures.get();
            if (last != null) {
                checks.backlogs(last).stream().filter(c -> !c.name().equals("unreturned")).forEach(results::add);
            }
        }
        // The database-wide pulse of the dispatcher and watch is reported but does not fail readiness: it would take
        // every instance out of service at once (say, while a provider is down and its checks wait). Whether this
        // instance's own workers still run does.
        var stalled = pulse.stalled(maxIdle, maxPass);
        boolean ok = stalled.isEmpty() && results.stream().filter(c -> !WORKERS.contains(c.name())).allMatch(Check::ok);
        var details = details(results);
        var alive = new java.util.LinkedHashMap<String, Object>();
        pulse.workers().forEach(worker -> alive.put(worker, "alive"));
        stalled.forEach(s -> alive.put(s.worker(), "stalled: " + s.why()));
        details.put("workersOnThisInstance", alive);
        (ok ? builder.up() : builder.down()).withDetails(details);
    }

    private static java.util.Map<String, Object> details(List<Check> results) {
        var details = new java.util.LinkedHashMap<String, Object>();
        results.forEach(c -> details.put(c.name(), c.detail()));
        return details;
    }
}
