package io.orderkeep.platform;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * This instance's background workers (the dispatcher, the watch) beat here at the start and end of each pass, so
 * readiness can tell a worker that is alive from one that stopped on this instance. Real elapsed time, not the
 * injected clock: whether a thread still runs is about the machine's time, not the business's.
 *
 * <p>A worker is alive while it is between passes and its last pass ended recently, or while a pass it started is
 * younger than the longest a pass may take (a watch pass waiting on a slow provider is alive, not stuck). A worker
 * that never beat here is not judged: it is turned off on this instance.
 */
@Component
public class WorkerPulse {

    /** A worker found not alive, and why. */
    public record Stalled(String worker, String why) {}

    private record Beat(long startedAt, long endedAt, boolean inPass) {}

    private final Map<String, Beat> beats = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    @Autowired
    public WorkerPulse() {
        this(System::nanoTime);
    }

    /** With a ticker of its own, for tests. */
    public WorkerPulse(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Called by a worker as a pass begins. */
    public void started(String worker) {
        long now = nanoTime.getAsLong();
        beats.merge(worker, new Beat(now, now, true), (old, fresh) -> new Beat(now, old.endedAt(), true));
    }

    /** Called by a worker as a pass ends, however it ended. */
    public void ended(String worker) {
        long now = nanoTime.getAsLong();
        beats.merge(worker, new Beat(now, now, false), (old, fresh) -> new Beat(old.startedAt(), now, false));
    }

    /**
     * The workers that are not alive: idle longer than {@code maxIdle} since their last pass, or in a pass for longer
     * than {@code maxPass}.
     */
    public List<Stalled> stalled(Duration maxIdle, Duration maxPass) {
        long now = nanoTime.getAsLong();
        return beats.entrySet().stream().sorted(Map.Entry.comparingByKey()).<Stalled>mapMulti((entry, out) -> {
            Beat beat = entry.getValue();
            if (beat.inPass() && now - beat.startedAt() > maxPass.toNanos()) {
                out.accept(new Stalled(entry.getKey(), "a pass has run for " + seconds(now - beat.startedAt())
                        + " s (longest allowed " + maxPass.toSeconds() + " s)"));
            } else if (!beat.inPass() && now - beat.endedAt() > maxIdle.toNanos()) {
                out.accept(new Stalled(entry.getKey(), "no pass for " + seconds(now - beat.endedAt())
                        + " s (longest allowed " + maxIdle.toSeconds() + " s)"));
            }
        }).toList();
    }

    /** The workers that have beaten here, alive or not. */
    public List<String> workers() {
        return beats.keySet().stream().sorted().toList();
    }

    private static long seconds(long nanos) {
        return Duration.ofNanos(nanos).toSeconds();
    }
}
