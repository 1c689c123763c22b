package io.orderkeep.audit.jdbc;

import io.orderkeep.audit.AuditTrail;
import io.orderkeep.audit.domain.AuditEntry;
import io.orderkeep.audit.domain.Chain;
import io.orderkeep.platform.Dialect;
import java.time.Clock;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcAuditTrail implements AuditTrail {

    /** Map keys sorted, so that the same detail always gives the same text and so the same hash. */
    static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final JdbcClient jdbc;
    private final Dialect dialect;
    private final Clock clock;

    JdbcAuditTrail(JdbcClient jdbc, Dialect dialect, Clock clock) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public long record(String actor, String action, String targetType, String targetId, Map<String, ?> detail) {
        // The head row is locked until our transaction ends: appends from concurrent transactions queue here,
        // so each one sees the hash its predecessor committed.
        var head = jdbc.sql("SELECT seq, hash FROM audit_head WHERE id = 1" + dialect.forUpdate())
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .single();
        long seq = (long) head[0] + 1;
        String prevHash = (String) head[1];
        var entry = new AuditEntry(seq, clock.instant(), actor, action, targetType, targetId,
                CANONICAL.writeValueAsString(detail), prevHash, null);
        String hash = Chain.hash(entry);
        jdbc.sql("""
                INSERT INTO audit_entries (seq, at, actor, action, target_type, target_id, detail, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(seq, entry.at().toEpochMilli(), actor, action, targetType, targetId, entry.detail(), prevHash, hash)
                .update();
        int updated = jdbc.sql("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1 AND seq = ?")
                .params(seq, hash, seq - 1)
                .update();
        if (updated != 1) {
            throw new IllegalStateException("expected the audit head at seq " + (seq - 1) + " to move, got " + updated
                    + " rows updated: indicates a bug");
        }
        return seq;
    }
}
