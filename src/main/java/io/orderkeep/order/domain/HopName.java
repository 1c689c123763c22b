package io.orderkeep.order.domain;

import java.util.Locale;

/** The places an order must come back from (DESIGN.md, "Hop"). */
public enum HopName {
    /** Stored and acknowledged to the client. */
    ACCEPTED,
    /** The provider's result is known. */
    PAYMENT,
    /** The merchant's system acknowledged the order's latest event. */
    MERCHANT,
    /** The customer was told the outcome. */
    CUSTOMER,
    /** The payment was found in the provider's settlement file. */
    SETTLEMENT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
