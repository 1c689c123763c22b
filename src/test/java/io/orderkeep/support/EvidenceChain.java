package io.orderkeep.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * An evidence document's audit chain checked as a third party would: with the algorithm the document states,
 * written here independently of Orderkeep's code, from the entries' canonical fields alone — never trusting the
 * verdicts ({@code hashValid}, {@code linked}, {@code previousEntryHash}) the server wrote beside them.
 */
public final class EvidenceChain {

    private static final String GENESIS = "0".repeat(64);

    private EvidenceChain() {}

    /** The hash of one entry of {@code audit.entries} or {@code audit.predecessors}, recomputed from its fields. */
    public static String recompute(JsonNode e) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String field : new String[] {e.path("seq").asString(), e.path("at").asString(),
                    e.path("actor").asString(), e.path("action").asString(), e.path("targetType").asString(),
                    e.path("targetId").asString(), e.path("detail").asString(), e.path("prevHash").asString()}) {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e1);
        }
    }

    /**
     * Whether the chain holds: every entry's and predecessor's stored hash is the recomputed one, and every entry's
     * {@code prevHash} is the recomputed hash of the entry one seq before it (found in the document) or, for seq 1,
     * the genesis hash. False for a document without entries.
     */
    public static boolean holds(JsonNode audit) {
        Map<Long, String> recomputed = new HashMap<>();
        for (String part : new String[] {"entries", "predecessors"}) {
            for (JsonNode e : audit.path(part)) {
                String hash = recompute(e);
                if (!hash.equals(e.path("hash").asString())) {
                    return false;
                }
                recomputed.put(e.path("seq").asLong(), hash);
            }
        }
        for (JsonNode e : audit.path("entries")) {
            long seq = e.path("seq").asLong();
            String previous = seq == 1 ? GENESIS : recomputed.get(seq - 1);
            if (previous == null || !previous.equals(e.path("prevHash").asString())) {
                return false;
            }
        }
        return audit.path("entries").size() > 0;
    }
}
