package io.orderkeep.order.domain;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * What an order may contain. The bounds keep every total far from overflowing a {@code long} and catch the
 * typical mistakes (a price in major units where minor units were meant, a quantity typed twice).
 */
public final class OrderLimits {

    public static final int MAX_ITEMS = 100;
    public static final long MAX_QUANTITY = 10_000;

    private OrderLimits() {}

    /** A field that breaks a limit, named as the API names it ({@code items[0].quantity}). */
    public record Violation(String field, String message) {}

    /** The violations of the items' limits; empty when the items are acceptable. */
    public static List<Violation> check(List<LineItem> items, Currency currency) {
        var violations = new ArrayList<Violation>();
        if (items.isEmpty()) {
            violations.add(new Violation("items", "must contain at least one item"));
        }
        if (items.size() > MAX_ITEMS) {
            violations.add(new Violation("items", "must contain at most " + MAX_ITEMS + " items"));
        }
        long maxUnit = Money.maxUnitAmount(currency);
        for (int i = 0; i < items.size(); i++) {
            LineItem item = items.get(i);
            if (item.quantity() < 1 || item.quantity() > MAX_QUANTITY) {
                violations.add(new Violation("items[" + i + "].quantity", "must be between 1 and " + MAX_QUANTITY));
            }
            if (item.unitAmount() < 1 || item.unitAmount() > maxUnit) {
                violations.add(new Violation("items[" + i + "].unitAmount", "must be between 1 and " + maxUnit
                        + " minor units of " + currency.getCurrencyCode() + " (" + currency.getDefaultFractionDigits()
                        + " minor digits)"));
            }
        }
        return violations;
    }

    /** The order's total; exact, it throws {@link ArithmeticException} instead of overflowing. */
    public static Money total(List<LineItem> items, Currency currency) {
        Money total = new Money(0, currency);
        for (LineItem item : items) {
            total = total.plus(new Money(item.amount(), currency));
        }
        return total;
    }
}
