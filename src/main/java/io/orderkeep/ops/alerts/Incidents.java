package io.orderkeep.ops.alerts;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The open incidents (table {@code ops_incidents}): opened once, notified once, deleted when resolved. */
@Component
class Incidents {

    record Incident(String key, String title) {}

    private final JdbcClient jdbc;

    Incidents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Opens what is active and not yet open; deletes what is open and no longer active. Writes only when something
     * changed (one statement each, no long transaction), so that an unchanged state costs one read: on SQLite every
     * write takes the database's one write lock.
     */
    void reconcile(Map<String, String> active, long now) {
        Set<String> open = Set.copyOf(jdbc.sql("SELECT incident_key FROM ops_incidents").query(String.class).list());
        active.forEach((key, title) -> {
            if (!open.contains(key)) {
                jdbc.sql("""
                        INSERT INTO ops_incidents (incident_key, title, opened_at) VALUES (?, ?, ?)
                        ON CONFLICT (incident_key) DO NOTHING""").params(key, title, now).update();
            }
        });
        open.stream().filter(key -> !active.containsKey(key))
                .forEach(key -> jdbc.sql("DELETE FROM ops_incidents WHERE incident_key = ?").param(key).update());
    }

    /** Marks every open incident not yet notified as notified and returns them: one instance gets each. */
    List<Incident> claimUnnotified(long now) {
        return jdbc.sql("""
                UPDATE ops_incidents SET notified_at = ? WHERE notified_at IS NULL
                RETURNING incident_key, title""").param(now)
                .query((rs, i) -> new Incident(rs.getString(1), rs.getString(2))).list()
                .stream().sorted(java.util.Comparator.comparing(Incident::key)).toList();
    }
}
