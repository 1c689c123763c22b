package io.orderkeep.delivery.webhook;

import io.orderkeep.delivery.DeliveryProperties;
import io.orderkeep.delivery.domain.RetryPolicy;
import io.orderkeep.delivery.domain.RetryPolicy.Verdict;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends due webhook deliveries. Each pass claims a batch (leased, so several instances share the work) and sends
 * every claimed delivery on its own virtual thread: a slow or dead endpoint holds only its own sends, never the
 * others or the next pass. Outcomes follow the {@link RetryPolicy}; 410 Gone disables the endpoint.
 */
@Component
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final DeliveryStore store;
    private final WebhookSender sender;
    private final RetryPolicy policy;
    private final DeliveryProperties properties;
    private final Clock clock;
    private final ExecutorService sends = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore inFlight;
    /** Names this instance's leases; a new one per start, so a restarted instance never owns an old lease. */
    private final String owner = "dispatcher-" + UUID.randomUUID();

    private final MeterRegistry meters;

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
        List<CompletableFuture<Void>> started = start();
        CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).join();
        return started.size();
    }

    /** Claims what is due now and starts sending it, without waiting: the timer's pass. */
    public int startDue() {
        return start().size();
    }

    private List<CompletableFuture<Void>> start() {
        int room = Math.min(properties.batchSize(), inFlight.availablePermits());
        if (room == 0) {
            return List.of();
        }
        var started = new ArrayList<CompletableFuture<Void>>();
        for (DeliveryStore.Claimed delivery : store.claim(room, owner)) {
            inFlight.acquireUninterruptibly();
            started.add(CompletableFuture.runAsync(() -> deliver(delivery), sends)
                    .whenComplete((done, failure) -> inFlight.release()));
        }
        return started;
    }

    private void deliver(DeliveryStore.Claimed delivery) {
        try {
            WebhookSender.Result result = sender.send(delivery);
            Verdict verdict = policy.after(result.status(), result.retryAfter(), delivery.roundAttempts() + 1,
                    clock.instant(), ThreadLocalRandom.current()::nextDouble);
            boolean recorded = store.record(delivery, result, verdict);
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
