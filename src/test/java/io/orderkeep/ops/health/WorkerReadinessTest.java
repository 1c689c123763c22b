package io.orderkeep.ops.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.ops.OpsChecks;
import io.orderkeep.ops.OpsTest;
import io.orderkeep.ops.metrics.BusinessMetrics;
import io.orderkeep.platform.WorkerPulse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;

/** Readiness on the real database, with this instance's worker pulse on a ticker the test moves. */
@OpsTest
class WorkerReadinessTest {

    @Autowired OpsChecks checks;
    @Autowired BusinessMetrics metrics;

    final AtomicLong now = new AtomicLong(0);

    @Test
    void aWorkerStalledOnThisInstanceTakesItOutOfServiceUntilItBeatsAgain() {
        var pulse = new WorkerPulse(now::get);
        var readiness = new ReadinessHealth(checks, metrics, pulse, Duration.ofMinutes(5), Duration.ofMinutes(30));
        pulse.started("watch");
        pulse.ended("watch");
        var up = readiness.health(true);
        assertThat(up.getStatus()).isEqualTo(Status.UP);
        assertThat(up.getDetails().get("workersOnThisInstance")).isEqualTo(Map.of("watch", "alive"));

        now.addAndGet(Duration.ofMinutes(6).toNanos());
        var down = readiness.health(true);
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails().get("workersOnThisInstance").toString()).contains("watch=stalled: no pass for 360 s");

        pulse.started("watch");
        assertThat(readiness.health(true).getStatus()).isEqualTo(Status.UP);
    }
}
