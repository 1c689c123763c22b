package io.orderkeep.audit;

import io.orderkeep.audit.domain.AuditEntry;
import io.orderkeep.audit.domain.Chain;
import io.orderkeep.audit.domain.ChainVerifier;
import io.orderkeep.audit.domain.ChainVerifier.Verification;
import io.orderkeep.platform.ApiException;
import io.orderkeep.platform.Cursors;
import io.orderkeep.platform.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the audit trail: filtered pages, oldest first, and the verification of the whole chain. */
@Repository
public class AuditEntries {

    /** How many entries verification holds at once: the trail is read in pages, never whole. */
    static final int VERIFY_PAGE = 1000;

    private static final String COLUMNS =
            "SELECT seq, at, actor, action, target_type, target_id, detail, prev_hash, hash FROM audit_entries";
    private static final RowMapper<AuditEntry> ENTRY = (rs, n) -> new AuditEntry(rs.getLong(1),
            Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
            rs.getString(7), rs.getString(8), rs.getString(9));

    private final JdbcClient jdbc;

    AuditEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What to list; every part is optional.
     *
     * @param from entries at or after this instant
     * @param to entries before this instant
     */
    public record Filter(String targetId, String actor, Instant from, Instant to) {}

    /** One page of entries matching {@code filter}, oldest first, after the position in {@code cursor}. */
    public Page<AuditEntry> page(Filter filter, int limit, String cursor) {
        var where = new ArrayList<String>();
        var params = new ArrayList<Object>();
        String after = Cursors.decode(cursor);
        if (after != null) {
            where.add("seq > ?");
            params.add(parseSeq(after));
        }
        if (filter.targetId() != null) {
            where.add("target_id = ?");
            params.add(filter.targetId());
        }
        if (filter.actor() != null) {
            where.add("actor = ?");
            params.add(filter.actor());
        }
        if (filter.from() != null) {
            where.add("at >= ?");
            params.add(filter.from().toEpochMilli());
        }
        if (filter.to() != null) {
            where.add("at < ?");
            params.add(filter.to().toEpochMilli());
        }
        String sql = COLUMNS + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY seq LIMIT " + (limit + 1);
        List<AuditEntry> rows = jdbc.sql(sql).params(params).query(ENTRY).list();
        return Page.of(rows, limit, e -> Long.toString(e.seq()));
    }

    /**
     * Verifies the whole chain against its head, reading it in pages of {@value #VERIFY_PAGE}. Entries appended
     * while it runs are not judged: the head is read first, and every entry up to it was committed with it.
     */
    public Verification verify() {
        var head = head();
        var verifier = new ChainVerifier();
        long after = 0;
        while (true) {
            List<AuditEntry> page = jdbc.sql(COLUMNS + " WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT " + VERIFY_PAGE)
                    .params(after, head.seq())
                    .query(ENTRY).list();
            page.forEach(verifier::accept);
            if (page.size() < VERIFY_PAGE) {
                break;
            }
            after = page.getLast().seq();
        }
        // An entry past the head is either a concurrent append (the head has moved since) or a head that was
        // set back to hide entries; only the second is a fault.
        var beyond = jdbc.sql(COLUMNS + " WHERE seq > ? ORDER BY seq LIMIT 1").param(head.seq()).query(ENTRY).optional();
        if (beyond.isPresent() && head().equals(head)) {
            verifier.accept(beyond.get());
        }
        return verifier.finish(head.seq(), head.hash());
    }

    private record Head(long seq, String hash) {}

    private Head head() {
        return jdbc.sql("SELECT seq, hash FROM audit_head WHERE id = 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .optional()
                .orElse(new Head(0, Chain.GENESIS));
    }

    private static long parseSeq(String position) {
        try {
            return Long.parseLong(position);
        } catch (NumberFormatException e) {
            throw ApiException.validation("cursor", "is not a cursor returned by this API");
        }
    }
}
