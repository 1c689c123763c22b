package io.orderkeep.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WorkerPulseTest {

    final AtomicLong now = new AtomicLong(1_000);
    final WorkerPulse pulse = new WorkerPulse(now::get);
    final Duration idle = Duration.ofMinutes(5);
    final Duration pass = Duration.ofMinutes(30);

    @Test
    void aWorkerThatNeverBeatIsNotJudged() {
        assertThat(pulse.stalled(idle, pass)).isEmpty();
        assertThat(pulse.workers()).isEmpty();
    }

    @Test
    void aLongPassIsAliveUntilItOutlastsTheLongestAllowed() {
        pulse.started("watch");
        advance(Duration.ofMinutes(29));
        assertThat(pulse.stalled(idle, pass)).as("a slow provider, not a stuck watch").isEmpty();
        advance(Duration.ofMinutes(2));
        assertThat(pulse.stalled(idle, pass)).singleElement().satisfies(s -> {
            assertThat(s.worker()).isEqualTo("watch");
            assertThat(s.why()).startsWith("a pass has run for 1860 s");
        });
        pulse.ended("watch");
        assertThat(pulse.stalled(idle, pass)).isEmpty();
    }

    @Test
    void anIdleWorkerIsStalledOnceNoPassCameForTooLong() {
        pulse.started("dispatcher");
        pulse.ended("dispatcher");
        pulse.started("watch");
        pulse.ended("watch");
        advance(Duration.ofMinutes(4));
        pulse.started("dispatcher");
        pulse.ended("dispatcher");
        advance(Duration.ofMinutes(2));
        assertThat(pulse.stalled(idle, pass)).extracting(WorkerPulse.Stalled::worker).containsExactly("watch");
        assertThat(pulse.stalled(idle, pass).getFirst().why()).startsWith("no pass for 360 s");
        assertThat(pulse.workers()).containsExactly("dispatcher", "watch");
    }

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }
}
