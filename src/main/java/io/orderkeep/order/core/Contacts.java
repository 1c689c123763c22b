package io.orderkeep.order.core;

import java.util.LinkedHashMap;
import java.util.Map;

/** Masks a customer's e-mail and phone for callers that may not read them: {@code l***@example.com}, {@code +86138****8000}. */
public final class Contacts {

    private Contacts() {}

    static Map<String, Object> masked(Map<String, Object> customer) {
        if (customer == null) {
            return null;
        }
        var copy = new LinkedHashMap<>(customer);
        if (copy.get("email") instanceof String email) {
            copy.put("email", maskEmail(email));
        }
        if (copy.get("phone") instanceof String phone) {
            copy.put("phone", maskPhone(phone));
        }
        return copy;
    }

    public static String maskEmail(String email) {
        int at = email.indexOf('@');
        if (at < 1) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }

    public static String maskPhone(String phone) {
        if (phone.length() > 10) {
            return phone.substring(0, 6) + "****" + phone.substring(phone.length() - 4);
        }
        if (phone.length() > 5) {
            return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 2);
        }
        return "****";
    }
}
