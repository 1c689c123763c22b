package io.orderkeep.ops.evidence;

import io.orderkeep.audit.domain.AuditEntry;
import io.orderkeep.audit.domain.Chain;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The audit part of an order's evidence: the entries about the order, each with its hash recomputed and its link
 * checked, and — for every entry whose predecessor in the chain is not among them — that predecessor in full, so a
 * third party holding only the document can recompute the predecessor's hash too and check every link itself
 * (docs/operations.md, "Evidence", states the algorithm).
 */
public final class ChainProof {

    public static final String ALGORITHM = "hash = hex(SHA-256(concatenation over [seq, at (epoch ms), actor, action, "
            + "targetType, targetId, detail, prevHash] of: UTF-8 byte length + ':' + UTF-8 bytes)); prevHash of seq 1 = "
            + Chain.GENESIS + "; an entry is linked when its prevHash is the recomputed hash of the entry seq - 1, "
            + "found in entries or predecessors";

    private ChainProof() {}

    /** The proof of {@code rows} (audit entries in seq order, as column maps). */
    public static Map<String, Object> of(List<Map<String, Object>> rows, EvidenceQueries q) {
        Set<Long> included = rows.stream().map(ChainProof::seq).collect(Collectors.toSet());
        List<Long> missing = rows.stream().map(r -> seq(r) - 1).filter(s -> s > 0 && !included.contains(s))
                .distinct().toList();
        var predecessors = q.rowsIn("SELECT seq, at, actor, action, target_type, target_id, detail, prev_hash, hash"
                + " FROM audit_entries WHERE seq IN", missing, "ORDER BY seq");
        var recomputed = new LinkedHashMap<Long, String>();
        predecessors.forEach(p -> recomputed.put(seq(p), Chain.hash(entry(p))));
        rows.forEach(r -> recomputed.put(seq(r), Chain.hash(entry(r))));

        var entries = new ArrayList<Map<String, Object>>();
        boolean allValid = true;
        for (var row : rows) {
            var entry = entry(row);
            long seq = entry.seq();
            String previous = seq == 1 ? Chain.GENESIS : recomputed.get(seq - 1);
            boolean hashValid = recomputed.get(seq).equals(entry.hash());
            boolean linked = entry.prevHash().equals(previous);
            allValid &= hashValid && linked;
            var out = new LinkedHashMap<String, Object>(row);
            out.put("hashValid", hashValid);
            out.put("previousEntryHash", previous);
            out.put("linked", linked);
            entries.add(out);
        }
        // A predecessor is only as good as its own stored hash: one altered in the table breaks the proof too.
        for (var p : predecessors) {
            allValid &= recomputed.get(seq(p)).equals(p.get("hash"));
        }
        var head = q.rows("SELECT seq, hash FROM audit_head WHERE id = 1");
        var proof = new LinkedHashMap<String, Object>();
        proof.put("algorithm", ALGORITHM);
        proof.put("valid", allValid);
        proof.put("head", head.isEmpty() ? null : head.getFirst());
        proof.put("entries", entries);
        proof.put("predecessors", predecessors);
        return proof;
    }

    private static long seq(Map<String, Object> row) {
        return ((Number) row.get("seq")).longValue();
    }

    private static AuditEntry entry(Map<String, Object> row) {
        return new AuditEntry(seq(row), Instant.ofEpochMilli(((Number) row.get("at")).longValue()),
                (String) row.get("actor"), (String) row.get("action"), (String) row.get("targetType"),
                (String) row.get("targetId"), (String) row.get("detail"), (String) row.get("prevHash"),
                (String) row.get("hash"));
    }
}
