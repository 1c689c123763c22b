package io.orderkeep.ops.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.ops.OpsChecks;
import io.orderkeep.ops.OpsFigures;
import io.orderkeep.ops.OpsTest;
import io.orderkeep.platform.WorkerPulse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;

/**
 * Readiness on the real database, with this instance's worker pulse on a ticker the test moves and figures of its
 * own (not the shared context's last metrics refresh, which other test classes change).
 */
@OpsTest
class WorkerReadinessTest {

    @Autowired OpsChecks checks;

    final AtomicLong now = new AtomicLong(0);
    final WorkerPulse pulse = new WorkerPulse(now::get);
    ReadinessHealth readiness;

    @BeforeEach
    void readinessOnThisPulse() {
        var quiet = new OpsFigures(Instant.EPOCH, Map.of(), 0, Map.of(), 0, 0, 0, Map.of(), Map.of(), Map.of(),
                List.of(), 0, Duration.ZERO, Duration.ZERO, 0, null);
        readiness = new ReadinessHealth(checks, () -> quiet, pulse, Duration.ofMinutes(5), Duration.ofMinutes(30));
    }

    @Test
    void aWorkerIdleOnThisInstanceTakesItOutOfServiceUntilItBeatsAgain() {
        pulse.started("watch");
        pulse.ended("watch");
        var up = readiness.health(true);
        assertThat(up.getStatus()).as(up.getDetails().toString()).isEqualTo(Status.UP);
        assertThat(up.getDetails().get("workersOnThisInstance")).isEqualTo(Map.of("watch", "alive"));

        now.addAndGet(Duration.ofMinutes(6).toNanos());
        var down = readiness.health(true);
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails().get("workersOnThisInstance").toString()).contains("watch=stalled: no pass for 360 s");

        pulse.started("watch");
        assertThat(readiness.health(true).getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aDispatcherStuckInOnePassTakesThisInstanceOutOfServiceUntilThePassEnds() {
        pulse.started("dispatcher");
        now.addAndGet(Duration.ofMinutes(29).toNanos());
        assertThat(readiness.health(true).getStatus()).as("a long pass is not a stuck one yet").isEqualTo(Status.UP);

        now.addAndGet(Duration.ofMinutes(2).toNanos());
        var down = readiness.health(true);
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails().get("workersOnThisInstance").toString()).contains("dispatcher=stalled: ");

        pulse.ended("dispatcher");
        assertThat(readiness.health(true).getStatus()).isEqualTo(Status.UP);
    }
}
