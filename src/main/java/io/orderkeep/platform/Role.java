package io.orderkeep.platform;

import java.util.Locale;

/** What a caller may do; the rules are those of the HTTP contract ("Auth"). */
public enum Role {
    /** Everything. */
    ADMIN,
    /** Runs the business: orders, repairs, reconciliation, deliveries; no key management. */
    OPERATOR,
    /** Its own merchant's orders, endpoints and events only. */
    MERCHANT,
    /** Reads everything, the audit trail included; changes nothing. */
    AUDITOR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromWire(String value) {
        for (Role role : values()) {
            if (role.wireName().equals(value)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role: " + value);
    }
}
