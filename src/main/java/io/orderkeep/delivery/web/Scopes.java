package io.orderkeep.delivery.web;

import io.orderkeep.platform.ApiException;
import io.orderkeep.platform.Caller;
import io.orderkeep.platform.Role;

/** Which merchant a request is about: a merchant key's own (naming another is 404), else the one given. */
final class Scopes {

    private Scopes() {}

    /** For requests that must be about one merchant: a merchant key's own, or the required {@code merchantId}. */
    static String merchantOf(Caller caller, String given) {
        if (caller.role() == Role.MERCHANT) {
            if (given != null && !given.equals(caller.merchantId())) {
                throw ApiException.notFound("Merchant", given);
            }
            return caller.merchantId();
        }
        if (given == null || given.isBlank()) {
            throw ApiException.validation("merchantId", "is required for a " + caller.role().wireName() + " key");
        }
        return given;
    }

    /** For lists: a merchant key sees its own merchant only; the others see all, or the one they name. */
    static String filterOf(Caller caller, String given) {
        return caller.role() == Role.MERCHANT ? merchantOf(caller, given) : given;
    }
}
