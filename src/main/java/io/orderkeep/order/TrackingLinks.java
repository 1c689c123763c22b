package io.orderkeep.order;

import io.orderkeep.order.jdbc.OrderSecrets;
import io.orderkeep.platform.OrderkeepProperties;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The customer's tracking link {@code <public url>/track/{orderId}?t=<token>}: the token is an HMAC of the order id
 * under a server secret kept in the database, so a link cannot be guessed from an order id and works on every
 * instance. The console's tracking page checks tokens with {@link #verify}.
 */
@Component
public class TrackingLinks {

    private static final String SECRET = "tracking-link";

    private final OrderSecrets secrets;
    private final OrderkeepProperties properties;
    private final Environment environment;
    private volatile byte[] key;

    TrackingLinks(OrderSecrets secrets, OrderkeepProperties properties, Environment environment) {
        this.secrets = secrets;
        this.properties = properties;
        this.environment = environment;
    }

    public String url(String orderId) {
        return baseUrl() + "/track/" + orderId + "?t=" + token(orderId);
    }

    public String token(String orderId) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            byte[] digest = mac.doFinal(orderId.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Whether {@code token} is the one this server gave out for the order (compared in constant time). */
    public boolean verify(String orderId, String token) {
        return token != null && MessageDigest.isEqual(token(orderId).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    private String baseUrl() {
        String configured = properties.publicUrl();
        if (configured != null && !configured.isBlank()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://localhost:" + port;
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            k = secrets.get(SECRET);
            key = k;
        }
        return k;
    }
}
