package io.orderkeep.order.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SHA-256 of a request after normalisation, in canonical JSON (keys sorted): two requests are the same when
 * they would create the same order, whatever their whitespace, key order, unknown fields or e-mail case.
 */
final class RequestHash {

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private RequestHash() {}

    static String of(NewOrder order) {
        var canonical = new LinkedHashMap<String, Object>();
        canonical.put("merchantId", order.merchant().id());
        canonical.put("merchantOrderRef", order.merchantOrderRef());
        canonical.put("currency", order.currency());
        canonical.put("items", order.items());
        canonical.put("customer", order.customer());
        canonical.put("shippingAddress", order.shippingAddress());
        canonical.put("metadata", order.metadata());
        canonical.put("payment", order.payment());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(CANONICAL.writeValueAsBytes(canonical));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
