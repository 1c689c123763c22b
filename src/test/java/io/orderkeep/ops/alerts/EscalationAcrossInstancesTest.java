package io.orderkeep.ops.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.ops.OpsFigures;
import io.orderkeep.ops.OpsProperties;
import io.orderkeep.ops.OpsTest;
import io.orderkeep.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances on one database (two notifiers, each with its own memory, sharing the {@code ops_incidents} rows):
 * the watch's escalation is one incident, notified once, whichever instance started when.
 */
@OpsTest
class EscalationAcrossInstancesTest {

    @Autowired Incidents incidents;
    @Autowired JdbcClient jdbc;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T04:00:00Z"));
    final List<String> sent = new CopyOnWriteArrayList<>();
    final AlertProperties alerts = new AlertProperties(
            List.of(new AlertProperties.Channel("slack", "http://127.0.0.1:9/hook", null, List.of())),
            Duration.ZERO, "orderkeep@localhost");
    final OpsProperties ops = new OpsProperties(10000, Duration.ofMinutes(5), Duration.ofSeconds(5), 1);

    @Test
    void anEscalationIsOneIncidentNotifiedOnceAcrossInstances() {
        jdbc.sql("DELETE FROM ops_incidents").update();
        AlertNotifier first = instance();
        first.on(figures(0, null));
        Instant escalated = clock.instant();
        first.on(figures(1, escalated));
        assertThat(sent).hasSize(1);
        assertThat(sent.getFirst()).contains("escalating");

        // A second instance starts after the escalation; both keep refreshing, each on its own timer.
        AlertNotifier second = instance();
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofMinutes(10));
            second.on(figures(1, escalated));
            first.on(figures(1, escalated));
        }
        assertThat(sent).as("the incident stayed open: nobody closed and re-opened it").hasSize(1);

        // An hour without escalations closes it; the next escalation is a new incident, notified once.
        clock.advance(Duration.ofMinutes(31));
        first.on(figures(1, escalated));
        second.on(figures(1, escalated));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ops_incidents").query(Long.class).single()).isZero();
        second.on(figures(2, clock.instant()));
        first.on(figures(2, clock.instant()));
        assertThat(sent).hasSize(2);
    }

    private AlertNotifier instance() {
        var recording = new AlertSender(null, null, clock) {
            @Override
            void send(String text, AlertProperties to) {
                sent.add(text);
            }
        };
        return new AlertNotifier(incidents, recording, alerts, ops, clock);
    }

    private OpsFigures figures(long escalations, Instant last) {
        return new OpsFigures(clock.instant(), Map.of(), 0, Map.of(), 0, 0, escalations, Map.of(), Map.of(),
                Map.of(), List.of(), 0, Duration.ZERO, Duration.ZERO, 0, last);
    }
}
