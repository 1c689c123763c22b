package io.orderkeep.ops.alerts;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The open incidents (table {@code ops_incidents}): opened once, notified once, deleted when resolved. */
@Component
class Incidents {

    record Incident(String key, String title) {}

    private final JdbcClient jdbc;

    Incidents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Opens what is active and not yet open; deletes what is open and no longer active. */
    @Transactional
    void reconcile(Map<String, String> active, long now) {
        active.forEach((key, title) -> jdbc.sql("""
                INSERT INTO ops_incidents (incident_key, title, opened_at) VALUES (?, ?, ?)
                ON CONFLICT (incident_key) DO NOTHING""").params(key, title, now).update());
        List<String> open = jdbc.sql("SELECT incident_key FROM ops_incidents").query(String.class).list();
        Set<String> keep = active.keySet();
        open.stream().filter(key -> !keep.contains(key))
                .forEach(key -> jdbc.sql("DELETE FROM ops_incidents WHERE incident_key = ?").param(key).update());
    }

    /** Marks every open incident not yet notified as notified and returns them: one instance gets each. */
    @Transactional
    List<Incident> claimUnnotified(long now) {
        return jdbc.sql("""
                UPDATE ops_incidents SET notified_at = ? WHERE notified_at IS NULL
                RETURNING incident_key, title""").param(now)
                .query((rs, i) -> new Incident(rs.getString(1), rs.getString(2))).list()
                .stream().sorted(java.util.Comparator.comparing(Incident::key)).toList();
    }
}
