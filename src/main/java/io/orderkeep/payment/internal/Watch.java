package io.orderkeep.payment.internal;

import io.orderkeep.order.Change;
import io.orderkeep.payment.CreatePayment;
import io.orderkeep.payment.ProviderPayment;
import io.orderkeep.payment.ProviderUnavailable;
import io.orderkeep.payment.domain.AttemptStatus;
import io.orderkeep.payment.domain.PaymentAttempt;
import io.orderkeep.payment.jdbc.PaymentAttempts;
import io.orderkeep.platform.LogScope;
import io.orderkeep.platform.WorkerPulse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The payment watch: claims attempts that are due (a query on the provider's schedule, or the end of the payment
 * window), asks the provider and applies the answer with source {@code query}. Claims are short transactions with
 * a lease, so instances sharing one PostgreSQL never work on the same attempt at once and no provider call happens
 * while a database lock is held.
 */
@Component
public class Watch {

    private static final Logger log = LoggerFactory.getLogger(Watch.class);
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final String owner = "watch-" + UUID.randomUUID();
    private final PaymentAttempts attempts;
    private final Providers providers;
    private final Outcomes outcomes;
    private final PaymentOpener opener;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int batchSize;
    private final boolean scheduled;
    private final int parallelism;
    private final WorkerPulse pulse;

    Watch(PaymentAttempts attempts, Providers providers, Outcomes outcomes, PaymentOpener opener, TransactionTemplate tx,
            Clock clock, @Value("${orderkeep.watch.batch-size:50}") int batchSize,
            @Value("${orderkeep.watch.enabled:true}") boolean scheduled,
            @Value("${orderkeep.watch.parallelism:4}") int parallelism, WorkerPulse pulse) {
        this.pulse = pulse;
        this.parallelism = parallelism;
        this.attempts = attempts;
        this.providers = providers;
        this.outcomes = outcomes;
        this.opener = opener;
        this.tx = tx;
        this.clock = clock;
        this.batchSize = batchSize;
        this.scheduled = scheduled;
    }

    @Scheduled(fixedDelayString = "${orderkeep.watch.interval:5s}", initialDelayString = "${orderkeep.watch.interval:5s}")
    void tick() {
        if (scheduled) {
            pulse.started("watch");
            try {
                runOnce();
            } finally {
                pulse.ended("watch");
            }
        }
    }

    /** Works every attempt due now, batch after batch, until none is left; answers how many it worked. */
    public int runOnce() {
        int worked = 0;
        List<PaymentAttempt> batch;
        do {
            Instant now = clock.instant();
            // Attempts of a provider whose breaker is open are not even claimed: nothing to write until it recovers.
            List<String> paused = providers.paused();
            batch = tx.execute(status -> attempts.claimDue(now, batchSize, owner, now.plus(LEASE), paused));
            // A few at a time, so one slow provider answer does not hold up the whole batch. Platform threads: a
            // virtual thread waiting on SQLite's lock inside the driver would pin one of the few carrier threads.
            try (var workers = Executors.newFixedThreadPool(parallelism)) {
                batch.forEach(attempt -> workers.execute(() -> work(attempt)));
            }
            worked += batch.size();
        } while (batch.size() == batchSize);
        return worked;
    }

    /** Queries one attempt now (the watch's step, or an operator's recheck), and applies the answer. */
    public PaymentAttempt check(PaymentAttempt attempt, Change change) {
        if (attempt.status() == AttemptStatus.FAILED || attempt.status() == AttemptStatus.CANCELLED) {
            outcomes.expireUnpaid(attempt.id(), change);
            return attempt;
        }
        boolean expiring = attempt.status().isOpen() && !clock.instant().isBefore(attempt.expiresAt());
        ProviderPayment answer;
        try {
            answer = providers.call(attempt.provider(), p -> p.query(attempt.id()));
            if (answer.status() == ProviderPayment.Status.NOT_FOUND && attempt.status().isOpen()
                    && outcomes.unpaid(attempt.orderId())) {
                // Our create never reached the provider: send it again (idempotent on the attempt id).
                CreatePayment request = opener.request(attempt);
                answer = providers.call(attempt.provider(), p -> p.create(request));
            }
            if (expiring && answer.status() == ProviderPayment.Status.PENDING) {
                String ref = answer.providerRef();
                answer = providers.call(attempt.provider(), p -> p.close(attempt.id(), ref));
            }
        } catch (ProviderUnavailable e) {
            return outcomes.unanswered(attempt.id(), e.getMessage(), change);
        }
        var result = outcomes.apply(attempt.id(), answer, change, true, expiring);
        if (result.retryNow()) {
            return opener.openAfter(result.attempt(), change.source());
        }
        return result.attempt();
    }

    private void work(PaymentAttempt attempt) {
        if (!providers.breaker(attempt.provider()).allows()) {
            attempts.release(attempt.id(), owner, providers.breaker(attempt.provider()).retryAt());
            return;
        }
        // The scope encloses the catch too, so that the error line names the order as well.
        try (var scope = LogScope.order(attempt.orderId())) {
            try {
                check(attempt, Change.of("system", "query", "the watch queried the provider"));
            } catch (RuntimeException e) {
                // One attempt's trouble must not stop the loop; its lease runs out and a later round takes it again.
                log.error("the watch could not work payment {}: {}", attempt.id(), e.toString(), e);
            }
        }
    }
}
