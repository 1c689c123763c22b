package io.orderkeep.platform;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque list cursors: the position is base64url-encoded so that clients treat it as a token, not a value. */
public final class Cursors {

    private Cursors() {}

    public static String encode(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    /** The position inside a cursor, or null for none; a cursor that was not made here is 400 {@code validation_failed}. */
    public static String decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("cursor", "is not a cursor returned by this API");
        }
    }
}
