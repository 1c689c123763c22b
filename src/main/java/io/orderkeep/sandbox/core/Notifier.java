package io.orderkeep.sandbox.core;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Delivers the outbox's notifications: signs each attempt, posts it, and on a non-2xx answer or a connection failure
 * schedules the next attempt by the retry schedule. Each delivery runs on its own virtual thread, so a slow notify
 * URL delays only its own notifications. The bad-signature fault is rolled per attempt (on the status change and the
 * attempt's number, so a duplicate's two copies are the first and second throw for that attempt).
 */
public final class Notifier implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Notifier.class.getName());
    /** The clock may be moved by tests, so due times are re-read at least this often. */
    private static final long POLL_MILLIS = 100;
    private static final int BATCH = 50;

    private final Outbox outbox;
    private final FaultDice dice;
    private final Clock clock;
    private final String secret;
    private final List<Duration> retrySchedule;
    private final Duration timeout;
    private final ExecutorService deliveries = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient http;
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final Semaphore work = new Semaphore(0);
    private final Thread loop;
    private volatile boolean running = true;

    public Notifier(Outbox outbox, FaultDice dice, Clock clock, String secret, List<Duration> retrySchedule,
            Duration timeout) {
        this.outbox = outbox;
        this.dice = dice;
        this.clock = clock;
        this.secret = secret;
        this.retrySchedule = List.copyOf(retrySchedule);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1)
                .executor(deliveries).build();
        this.loop = Thread.ofPlatform().daemon().name("sandbox-notifier").unstarted(this::run);
    }

    public void start() {
        loop.start();
    }

    /** New notifications were written: look for due ones now rather than at the next poll. */
    public void wake() {
        work.release();
    }

    private void run() {
        while (running) {
            try {
                for (Notification n : outbox.due(BATCH, inFlight)) {
                    inFlight.add(n.id());
                    deliveries.execute(() -> deliver(n));
                }
                long wait = outbox.nextDue()
                        .map(due -> Math.max(0, due.toEpochMilli() - clock.millis()))
                        .orElse(POLL_MILLIS);
                work.tryAcquire(Math.min(Math.max(wait, 1), POLL_MILLIS), TimeUnit.MILLISECONDS);
                work.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    LOG.log(System.Logger.Level.WARNING, "sandbox notifier: " + e.getMessage(), e);
                }
            }
        }
    }

    private void deliver(Notification n) {
        try {
            long timestamp = clock.instant().getEpochSecond();
            String key = dice.badSignature(n.attemptSubject()) ? "not-" + secret : secret;
            var request = HttpRequest.newBuilder(URI.create(n.notifyUrl()))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("sandbox-event-id", n.eventId())
                    .header("sandbox-timestamp", Long.toString(timestamp))
                    .header("sandbox-signature", Signer.sign(key, timestamp, n.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(n.body()))
                    .build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status >= 200 && status < 300) {
                outbox.delivered(n, status);
            } else {
                outbox.failed(n, status, "HTTP " + status, nextAttempt(n));
            }
        } catch (IOException | IllegalArgumentException e) {
            String detail = e.getMessage() == null ? "" : ": " + e.getMessage();
            outbox.failed(n, null, e.getClass().getSimpleName() + detail, nextAttempt(n));
        } catch (InterruptedException e) {
            // Shutting down: the notification stays pending in the database and is sent after the next start.
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (running) {
                LOG.log(System.Logger.Level.WARNING, "sandbox notification " + n.eventId() + ": " + e.getMessage(), e);
            }
        } finally {
            inFlight.remove(n.id());
            wake();
        }
    }

    private Optional<Instant> nextAttempt(Notification n) {
        return n.attempts() < retrySchedule.size()
                ? Optional.of(clock.instant().plus(retrySchedule.get(n.attempts())))
                : Optional.empty();
    }

    @Override
    public void close() {
        running = false;
        loop.interrupt();
        try {
            loop.join(Duration.ofSeconds(5));
            http.shutdownNow();
            deliveries.shutdownNow();
            if (!deliveries.awaitTermination(5, TimeUnit.SECONDS) || !http.awaitTermination(Duration.ofSeconds(5))) {
                LOG.log(System.Logger.Level.WARNING, "sandbox notifier: deliveries still running after close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
