package io.orderkeep.order.domain;

/** One line of an order: so many of a product at a unit price in minor units. */
public record LineItem(String sku, String name, long quantity, long unitAmount) {

    /** quantity × unit amount; throws {@link ArithmeticException} rather than overflow. */
    public long amount() {
        return Math.multiplyExact(quantity, unitAmount);
    }
}
