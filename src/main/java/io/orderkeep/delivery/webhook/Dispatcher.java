package io.orderkeep.delivery.webhook;

import io.orderkeep.delivery.DeliveryProperties;
import io.orderkeep.delivery.domain.RetryPolicy;
import io.orderkeep.delivery.domain.RetryPolicy.Verdict;
import io.orderkeep.platform.LogScope;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends due webhook deliveries. Each pass claims batches (leased, so several instances share the work) and sends
 * every claimed delivery on its own virtual thread: a slow or dead endpoint holds only its own sends, at most
 * {@code max-in-flight-per-endpoint} of them, never the others or the next pass. Outcomes follow the {@link RetryPolicy} and are recorded in groups; 410 Gone disables
 * the endpoint.
 */
@Component
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    /** The most outcomes one transaction records. */
    static final int GROUP = 100;
    /**
     * How many groups may be recorded at once: on PostgreSQL each statement is a round trip, so one recorder alone
     * would leave the pool's other connections idle while sends wait for it.
     */
    static final int RECORDERS = 4;

    private final DeliveryStore store;
    private final WebhookSender sender;
    private final RetryPolicy policy;
    private final DeliveryProperties properties;
    private final Clock clock;
    private final ExecutorService sends = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore inFlight;
    private final EndpointRoom room = new EndpointRoom();
    private final ReentrantLock claiming = new ReentrantLock();
    /** Names this instance's leases; a new one per start, so a restarted instance never owns an old lease. */
    private final String owner = "dispatcher-" + UUID.randomUUID();

    private final MeterRegistry meters;
    /** Outcomes waiting to be recorded, and the turns to record a group (see recordTogether). */
    private final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();
    private final Semaphore recorders = new Semaphore(RECORDERS);

    Dispatcher(DeliveryStore store, WebhookSender sender, DeliveryProperties properties, Clock clock,
            MeterRegistry meters) {
        this.meters = meters;
        this.store = store;
        this.sender = sender;
        this.policy = new RetryPolicy(properties.retrySchedule(), properties.jitter());
        this.properties = properties;
        this.clock = clock;
        this.inFlight = new Semaphore(properties.maxInFlight());
    }

    /** Claims what is due now and sends it, returning once those sends are recorded: for tests and tools. */
    public int runOnce() {
        List<CompletableFuture<Void>> started = start(0);
        CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).join();
        return started.size();
    }

    /** Claims what is due now and starts sending it, without waiting: for a new order's first event. */
    public int startDue() {
        return start(0).size();
    }

    /**
     * The timer's pass: claims and starts sends for as long as full batches keep coming and {@code budget} lasts,
     * waiting for sends in flight to finish when all {@code max-in-flight} permits are out. A backlog drains at the
     * speed of the sends, not at one batch per poll; the budget gives the timer's other work its turn.
     */
    public int dispatchFor(Duration budget) {
        return start(budget.toNanos()).size();
    }

    private List<CompletableFuture<Void>> start(long budgetNanos) {
        long deadline = System.nanoTime() + budgetNanos;
        var started = new ArrayList<CompletableFuture<Void>>();
        if (!store.anyDue()) {
            return started;
        }
        while (true) {
            int permits = permits(properties.batchSize(), deadline);
            if (permits == 0) {
                return started;
            }
            // Permits are taken before the claim, so that no claimed delivery waits for one while its lease runs.
            long endedBefore = room.endedSoFar();
            DeliveryStore.Claim claim;
            try {
                claim = claim(permits);
            } catch (RuntimeException e) {
                inFlight.release(permits);
                throw e;
            }
            List<DeliveryStore.Claimed> claimed = claim.claimed();
            inFlight.release(permits - claimed.size());
            for (DeliveryStore.Claimed delivery : claimed) {
                started.add(CompletableFuture.runAsync(() -> deliver(delivery), sends)
                        .whenComplete((done, failure) -> ended(delivery)));
            }
            if (claimed.size() == permits) {
                if (System.nanoTime() >= deadline) {
                    return started;
                }
                continue;
            }
            if (!claim.waitsForRoom()) {
                return started;
            }
            // Deliveries were left to endpoints without room. Those that got room are full now and the next claim
            // passes them by for other endpoints' (each such claim takes at least one, so this ends); when only
            // full endpoints are left, their backlog waits for one of their sends to end, while the budget lasts.
            if (claimed.isEmpty() && !room.awaitEnd(endedBefore, deadline)) {
                return started;
            }
        }
    }

    private void ended(DeliveryStore.Claimed delivery) {
        room.ended(delivery.endpointId());
        inFlight.release();
    }

    /**
     * One claim, counted against each endpoint's room. Claims take turns (a timer pass and a new order's dispatch
     * may both claim), so that two cannot both fill the last of one endpoint's room; sends ending meanwhile only
     * make room.
     */
    private DeliveryStore.Claim claim(int permits) {
        claiming.lock();
        try {
            var claim = store.claim(permits, owner, room.inFlight(), properties.maxInFlightPerEndpoint());
            claim.claimed().forEach(delivery -> room.started(delivery.endpointId()));
            return claim;
        } finally {
            claiming.unlock();
        }
    }

    /** Up to {@code want} send permits: those free now, or, while the deadline allows, the first one to come back. */
    private int permits(int want, long deadline) {
        int got = 0;
        while (got < want && inFlight.tryAcquire()) {
            got++;
        }
        long left = deadline - System.nanoTime();
        try {
            if (got == 0 && left > 0 && inFlight.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                got = 1;
                while (got < want && inFlight.tryAcquire()) {
                    got++;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return got;
    }

    private void deliver(DeliveryStore.Claimed delivery) {
        // The scope encloses the catch too, so that the error line names the order as well.
        try (var scope = LogScope.order(delivery.orderId())) {
            try {
                WebhookSender.Result result = sender.send(delivery);
                Verdict verdict = policy.after(result.status(), result.retryAfter(), delivery.roundAttempts() + 1,
                        clock.instant(), ThreadLocalRandom.current()::nextDouble);
                // A 410 disables the endpoint and writes its audit entry: alone, so that no group holds the audit head.
                boolean recorded = verdict instanceof Verdict.Gone ? store.record(delivery, result, verdict)
                        : recordTogether(new DeliveryStore.Outcome(delivery, result, verdict));
                meters.counter("orderkeep.webhook.attempts", "outcome", outcome(verdict)).increment();
                if (!recorded) {
                    log.info("delivery {} was taken over before its attempt was recorded; it will be sent again",
                            delivery.id());
                }
            } catch (RuntimeException e) {
                // The lease runs out and another pass sends it again: at least once, never lost.
                log.error("delivery {} failed to send or record; it stays due after its lease", delivery.id(), e);
            }
        }
    }

    /**
     * Group commit of outcomes: the sends that finish while one transaction records are recorded together by the
     * next, up to {@link #GROUP} per transaction, by at most {@link #RECORDERS} senders at a time while the others
     * wait. Fewer commits per delivery, and a bounded number of connections for recording however many sends are
     * in flight. Each send still waits for its own outcome to be committed, so event n+1 of an order is only
     * claimable after n is recorded.
     */
    private boolean recordTogether(DeliveryStore.Outcome outcome) {
        var pending = new Pending(outcome, new CompletableFuture<>());
        waiting.add(pending);
        while (!waiting.isEmpty() && recorders.tryAcquire()) {
            try {
                var group = new ArrayList<Pending>();
                for (Pending next; group.size() < GROUP && (next = waiting.poll()) != null; ) {
                    group.add(next);
                }
                if (!group.isEmpty()) {
                    record(group);
                }
            } finally {
                recorders.release();
            }
        }
        return pending.recorded().join();
    }

    private void record(List<Pending> group) {
        try {
            List<Boolean> recorded = store.recordAll(group.stream().map(Pending::outcome).toList());
            for (int i = 0; i < group.size(); i++) {
                group.get(i).recorded().complete(recorded.get(i));
            }
        } catch (RuntimeException groupFailed) {
            // One bad outcome must not hold back the others: each on its own.
            for (Pending pending : group) {
                try {
                    var o = pending.outcome();
                    pending.recorded().complete(store.record(o.delivery(), o.result(), o.verdict()));
                } catch (RuntimeException e) {
                    pending.recorded().completeExceptionally(e);
                }
            }
        }
    }

    private record Pending(DeliveryStore.Outcome outcome, CompletableFuture<Boolean> recorded) {}

    private static String outcome(Verdict verdict) {
        return switch (verdict) {
            case Verdict.Delivered d -> "delivered";
            case Verdict.RetryAt r -> "retry";
            case Verdict.Dead d -> "dead";
            case Verdict.Gone g -> "gone";
        };
    }

    @PreDestroy
    void stop() {
        sends.shutdown();
    }
}
