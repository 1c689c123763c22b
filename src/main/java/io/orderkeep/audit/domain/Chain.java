package io.orderkeep.audit.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How an entry's hash is computed: SHA-256 over its fields, each written as its UTF-8 length, a colon and its
 * bytes, so that no two different entries can produce the same input. The time is in epoch milliseconds.
 */
public final class Chain {

    public static final String GENESIS = "0".repeat(64);

    private Chain() {}

    public static String hash(AuditEntry e) {
        MessageDigest sha256 = sha256();
        for (String field : new String[] {Long.toString(e.seq()), Long.toString(e.at().toEpochMilli()), e.actor(),
                e.action(), e.targetType(), e.targetId(), e.detail(), e.prevHash()}) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            sha256.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            sha256.update(bytes);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
