package io.orderkeep.access.domain;

/**
 * How customer contact data looks to roles that do not need it ({@code Caller.seesContactData()} false) and in
 * logs: enough to recognise it, not enough to use it.
 */
public final class ContactMasking {

    private ContactMasking() {}

    /** {@code li.wei@example.com} → {@code l***@example.com}; null stays null. */
    public static String email(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }

    /** {@code +8613800138000} → {@code +86138****8000}: the last four digits and the prefix stay; null stays null. */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        int length = phone.length();
        if (length <= 8) {
            return "****" + phone.substring(Math.max(0, length - 2));
        }
        return phone.substring(0, length - 8) + "****" + phone.substring(length - 4);
    }
}
