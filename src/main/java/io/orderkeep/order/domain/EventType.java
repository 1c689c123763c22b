package io.orderkeep.order.domain;

/** The order events merchants subscribe to, with their wire names ({@code order.paid}). */
public enum EventType {
    CREATED("order.created"),
    PAID("order.paid"),
    PAYMENT_FAILED("order.payment_failed"),
    CANCELLED("order.cancelled"),
    EXPIRED("order.expired"),
    FULFILLED("order.fulfilled"),
    COMPLETED("order.completed"),
    REFUNDED("order.refunded"),
    NEEDS_ATTENTION("order.needs_attention"),
    REPAIRED("order.repaired");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static EventType fromWire(String wireName) {
        for (EventType type : values()) {
            if (type.wireName.equals(wireName)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown event type: " + wireName);
    }
}
