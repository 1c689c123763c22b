package io.orderkeep.audit;

import io.orderkeep.audit.domain.AuditEntry;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Changes the stored trail behind the application's back, as someone with database access would, and puts it
 * back afterwards so that later tests see an intact chain.
 */
final class Tampering implements AutoCloseable {

    private final JdbcClient jdbc;
    private final List<AuditEntry> saved;

    Tampering(JdbcClient jdbc, long... seqs) {
        this.jdbc = jdbc;
        this.saved = java.util.Arrays.stream(seqs).mapToObj(this::read).toList();
    }

    AuditEntry read(long seq) {
        return jdbc.sql("SELECT seq, at, actor, action, target_type, target_id, detail, prev_hash, hash "
                        + "FROM audit_entries WHERE seq = ?")
                .param(seq)
                .query((rs, n) -> new AuditEntry(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9)))
                .single();
    }

    void changeDetail(long seq, String detail) {
        jdbc.sql("UPDATE audit_entries SET detail = ? WHERE seq = ?").params(detail, seq).update();
    }

    void delete(long seq) {
        jdbc.sql("DELETE FROM audit_entries WHERE seq = ?").param(seq).update();
    }

    /** Swaps everything but the seq: the two entries trade places in the trail. */
    void swap(long a, long b) {
        var first = read(a);
        var second = read(b);
        write(a, second);
        write(b, first);
    }

    private void write(long seq, AuditEntry e) {
        jdbc.sql("""
                UPDATE audit_entries SET at = ?, actor = ?, action = ?, target_type = ?, target_id = ?, detail = ?,
                    prev_hash = ?, hash = ? WHERE seq = ?""")
                .params(e.at().toEpochMilli(), e.actor(), e.action(), e.targetType(), e.targetId(), e.detail(),
                        e.prevHash(), e.hash(), seq)
                .update();
    }

    @Override
    public void close() {
        for (var e : saved) {
            delete(e.seq());
            jdbc.sql("""
                    INSERT INTO audit_entries (seq, at, actor, action, target_type, target_id, detail, prev_hash, hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(e.seq(), e.at().toEpochMilli(), e.actor(), e.action(), e.targetType(), e.targetId(),
                            e.detail(), e.prevHash(), e.hash())
                    .update();
        }
    }
}
