package io.orderkeep.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The test's own implementation of Standard Webhooks 1.0 verification, written from the spec and independent of
 * Orderkeep's signer: what a merchant would write.
 */
final class StandardWebhooks {

    private StandardWebhooks() {}

    static String sign(String secret, String id, String timestamp, String body) {
        try {
            byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signed = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signed);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The spec's tolerance: a timestamp further than this from the receiver's clock is refused (replays). */
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    /**
     * What a receiver checks: the timestamp is a number of seconds within {@link #TOLERANCE} of {@code now}, and any
     * of the space-separated signatures in the header is one that any of the secrets makes.
     */
    static boolean verify(List<String> secrets, String id, String timestamp, String body, String header, Instant now) {
        if (timestamp == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            return false;
        }
        return signedBy(secrets, id, timestamp, body, header);
    }

    /** Whether any of the space-separated signatures in the header is one that any of the secrets makes. */
    static boolean signedBy(List<String> secrets, String id, String timestamp, String body, String header) {
        if (id == null || timestamp == null || header == null) {
            return false;
        }
        for (String secret : secrets) {
            byte[] expected = sign(secret, id, timestamp, body).getBytes(StandardCharsets.UTF_8);
            for (String candidate : header.split(" ")) {
                if (MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.UTF_8))) {
                    return true;
                }
            }
        }
        return false;
    }
}
