package io.orderkeep.provider.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The sandbox's notification signature: {@code v1=<hex HMAC-SHA256 of "timestamp.body">} with the shared secret.
 * Written here rather than borrowed from the sandbox server, so that the adapter checks the protocol as documented,
 * not as one implementation happens to behave.
 */
final class SandboxSignature {

    static final String SCHEME = "v1=";

    private SandboxSignature() {}

    static String sign(String secret, String timestamp, byte[] body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return SCHEME + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK: " + e.getMessage(), e);
        }
    }

    /** Constant-time, so that a forger learns nothing from how long a wrong guess takes to be refused. */
    static boolean matches(String secret, String timestamp, byte[] body, String signature) {
        if (signature == null) {
            return false;
        }
        byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }
}
