package io.orderkeep.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import tools.jackson.databind.JsonNode;

/**
 * An evidence document's audit chain checked as a third party would: with the algorithm the document states,
 * written here independently of Orderkeep's code.
 */
public final class EvidenceChain {

    private EvidenceChain() {}

    /** The hash of one entry of {@code audit.entries}, recomputed from its fields. */
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

    /** Whether every entry's stored hash is the recomputed one and names the stored hash of the entry before it. */
    public static boolean holds(JsonNode audit) {
        for (JsonNode e : audit.path("entries")) {
            if (!recompute(e).equals(e.path("hash").asString())
                    || !e.path("prevHash").asString().equals(e.path("previousEntryHash").asString())) {
                return false;
            }
        }
        return audit.path("entries").size() > 0;
    }
}
