package io.orderkeep.reconcile.internal;

import io.orderkeep.payment.PaymentProvider;
import io.orderkeep.reconcile.domain.DailyTimetable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fetches each scheduled provider's previous-day file at {@code orderkeep.reconcile.schedule.<provider>.hour}
 * (the provider's local time) and runs it. A fetch that fails is tried again at the next check; fetching a day
 * twice (after a restart, or from two instances) lands on the same run, because runs are idempotent on the file.
 */
@Component
public class DailySchedule {

    private static final Logger log = LoggerFactory.getLogger(DailySchedule.class);

    private final RunService runs;
    private final ReconcileProviders providers;
    private final List<PaymentProvider> payments;
    private final Environment environment;
    private final Clock clock;
    private final Map<String, LocalDate> fetched = new ConcurrentHashMap<>();

    DailySchedule(RunService runs, ReconcileProviders providers, List<PaymentProvider> payments,
            Environment environment, Clock clock) {
        this.runs = runs;
        this.providers = providers;
        this.payments = payments;
        this.environment = environment;
        this.clock = clock;
    }

    /** Checks every scheduled provider once; public so that tests drive it with their clock. */
    @Scheduled(fixedDelayString = "${orderkeep.reconcile.schedule-check:60s}",
            initialDelayString = "${orderkeep.reconcile.schedule-check:60s}")
    public void tick() {
        for (PaymentProvider provider : payments) {
            Integer hour = environment.getProperty("orderkeep.reconcile.schedule." + provider.name() + ".hour",
                    Integer.class);
            if (hour == null) {
                continue;
            }
            LocalDate day = DailyTimetable.due(clock.instant().atZone(providers.zone(provider.name())), hour,
                    fetched.get(provider.name()));
            if (day == null) {
                continue;
            }
            try {
                var run = runs.fetch(provider.name(), day, false, "system", false);
                fetched.put(provider.name(), day);
                log.info("daily reconciliation of {} for {}: run {}", provider.name(), day, run.id());
            } catch (RuntimeException e) {
                log.warn("daily reconciliation of {} for {} could not start; retrying at the next check: {}",
                        provider.name(), day, e.toString());
            }
        }
    }
}
