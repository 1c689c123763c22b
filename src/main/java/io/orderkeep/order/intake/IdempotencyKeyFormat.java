package io.orderkeep.order.intake;

import io.orderkeep.platform.ApiException;

/** The {@code Idempotency-Key} header: required, 1–255 visible ASCII characters. */
final class IdempotencyKeyFormat {

    private IdempotencyKeyFormat() {}

    static void check(String key) {
        if (key == null || key.isEmpty()) {
            throw new ApiException(400, "idempotency_key_missing", "Idempotency key missing",
                    "Send an Idempotency-Key header (1–255 visible ASCII characters) so that a retry cannot create a"
                            + " second order.");
        }
        if (key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw ApiException.validation("Idempotency-Key", "must be 1–255 visible ASCII characters");
        }
    }
}
