package io.orderkeep.delivery;

import io.orderkeep.delivery.mail.CustomerMailer;
import io.orderkeep.delivery.outbox.FeedRetention;
import io.orderkeep.delivery.outbox.FeedSequencer;
import io.orderkeep.delivery.webhook.Dispatcher;
import io.orderkeep.platform.WorkerPulse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The timers of merchant delivery, on every instance unless {@code orderkeep.delivery.dispatcher-enabled=false}:
 * dispatch and feed sequencing, and customer e-mail, every {@code poll-interval} (default 1 s), retention cleanup hourly.
 */
@Component
class DeliveryJobs {

    private static final Logger log = LoggerFactory.getLogger(DeliveryJobs.class);
    /** How long one dispatch pass may keep claiming while a backlog lasts, before feed sequencing gets its turn. */
    private static final Duration PASS_BUDGET = Duration.ofSeconds(1);

    private final Dispatcher dispatcher;
    private final FeedSequencer sequencer;
    private final FeedRetention retention;
    private final CustomerMailer mailer;
    private final boolean enabled;

    private final WorkerPulse pulse;

    DeliveryJobs(Dispatcher dispatcher, FeedSequencer sequencer, FeedRetention retention, CustomerMailer mailer,
            DeliveryProperties properties, WorkerPulse pulse) {
        this.pulse = pulse;
        this.mailer = mailer;
        this.dispatcher = dispatcher;
        this.sequencer = sequencer;
        this.retention = retention;
        this.enabled = properties.dispatcherEnabled();
    }

    @Scheduled(fixedDelayString = "${orderkeep.delivery.poll-interval:PT1S}",
            initialDelayString = "${orderkeep.delivery.initial-delay:PT2S}")
    void poll() {
        if (!enabled) {
            return;
        }
        pulse.started("dispatcher");
        try {
            if (sequencer.hasWork()) {
                sequencer.sequence();
            }
            dispatcher.dispatchFor(PASS_BUDGET);
        } catch (DataAccessException e) {
            log.warn("delivery pass skipped, the database is unavailable: {}", e.getClass().getSimpleName());
        } finally {
            pulse.ended("dispatcher");
        }
    }

    /** On its own timer, so that a slow mail server never holds up webhook dispatch. */
    @Scheduled(fixedDelayString = "${orderkeep.delivery.poll-interval:PT1S}",
            initialDelayString = "${orderkeep.delivery.initial-delay:PT2S}")
    void mail() {
        if (!enabled) {
            return;
        }
        try {
            mailer.runOnce();
        } catch (DataAccessException e) {
            log.warn("customer e-mail pass skipped, the database is unavailable: {}", e.getClass().getSimpleName());
        }
    }

    @Scheduled(fixedDelayString = "${orderkeep.delivery.cleanup-interval:PT1H}", initialDelayString = "PT1M")
    void cleanUp() {
        if (!enabled) {
            return;
        }
        try {
            while (retention.cleanUp() > 0) {
                log.debug("removed a batch of events past retention");
            }
        } catch (DataAccessException e) {
            log.warn("feed retention cleanup skipped, the database is unavailable: {}", e.getClass().getSimpleName());
        }
    }
}
