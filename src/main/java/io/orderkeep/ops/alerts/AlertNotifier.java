package io.orderkeep.ops.alerts;

import io.orderkeep.ops.OpsFigures;
import io.orderkeep.ops.OpsProperties;
import io.orderkeep.ops.alerts.Incidents.Incident;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns each metrics refresh into incidents — unreturned orders at or over {@code orderkeep.ops.unreturned-alert},
 * a webhook endpoint disabled, the watch escalating — and notifies the configured channels of each new incident
 * once. At most one message goes out per {@code orderkeep.alerts.min-interval}; incidents that open meanwhile wait
 * and go out together.
 */
@Component
@EnableConfigurationProperties(AlertProperties.class)
class AlertNotifier {

    private static final Logger log = LoggerFactory.getLogger(AlertNotifier.class);

    private final Incidents incidents;
    private final AlertSender sender;
    private final AlertProperties alerts;
    private final OpsProperties ops;
    private final Clock clock;
    private static final java.time.Duration ESCALATION_OPEN_FOR = java.time.Duration.ofHours(1);

    private Instant lastSent;

    AlertNotifier(Incidents incidents, AlertSender sender, AlertProperties alerts, OpsProperties ops, Clock clock) {
        this.incidents = incidents;
        this.sender = sender;
        this.alerts = alerts;
        this.ops = ops;
        this.clock = clock;
    }

    @EventListener
    synchronized void on(OpsFigures figures) {
        if (alerts.channels().isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        incidents.reconcile(active(figures, now), now.toEpochMilli());
        if (lastSent != null && now.isBefore(lastSent.plus(alerts.minInterval()))) {
            return;
        }
        List<Incident> due = incidents.claimUnnotified(now.toEpochMilli());
        if (!due.isEmpty()) {
            lastSent = now;
            sender.send(text(due), alerts);
            log.info("alerted {} channel(s) of {} incident(s): {}", alerts.channels().size(), due.size(),
                    due.stream().map(Incident::key).toList());
        }
    }

    private Map<String, String> active(OpsFigures f, Instant now) {
        var active = new LinkedHashMap<String, String>();
        if (f.unreturnedOrders() >= ops.unreturnedAlert()) {
            active.put("unreturned", f.unreturnedOrders() + " unreturned orders (hops by age: " + f.unreturnedByHop() + ")");
        }
        f.disabledEndpoints().forEach(id -> active.put("endpoint-disabled:" + id, "webhook endpoint " + id + " was disabled"));
        // An escalation is an event, not a state: its incident stays open for an hour after the last one. When that
        // was is read from the database, so every instance sees the incident open or closed alike; no instance's
        // memory of what it saw can close the shared incident while another re-opens it (and notifies again).
        Instant last = f.lastEscalationAt();
        if (last != null && now.isBefore(last.plus(ESCALATION_OPEN_FOR))) {
            active.put("watch-escalating", "the watch is escalating payments whose result is still unknown after "
                    + "every query (" + f.escalated() + " escalations in all)");
        }
        return active;
    }

    private static String text(List<Incident> due) {
        return "[Orderkeep] " + due.size() + " new incident(s)\n"
                + due.stream().map(i -> "- " + i.title()).collect(Collectors.joining("\n"));
    }
}
