package io.orderkeep.order.core;

import io.orderkeep.access.domain.ContactMasking;
import java.util.LinkedHashMap;
import java.util.Map;

/** Masks a customer's e-mail and phone for callers that may not read them, by the one rule the logs use too. */
public final class Contacts {

    private Contacts() {}

    static Map<String, Object> masked(Map<String, Object> customer) {
        if (customer == null) {
            return null;
        }
        var copy = new LinkedHashMap<>(customer);
        if (copy.get("email") instanceof String email) {
            copy.put("email", ContactMasking.email(email));
        }
        if (copy.get("phone") instanceof String phone) {
            copy.put("phone", ContactMasking.phone(phone));
        }
        return copy;
    }
}
