package io.orderkeep.reconcile.domain;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.regex.Pattern;

/**
 * How a file writes amounts: in minor units ({@code 1250}) or in major units with a decimal point
 * ({@code 12.50}, converted exactly; more decimals than the currency has are refused, never rounded).
 */
public enum AmountUnit {
    MINOR,
    MAJOR;

    private static final Pattern MINOR_TEXT = Pattern.compile("-?\\d{1,18}");
    private static final Pattern MAJOR_TEXT = Pattern.compile("-?\\d{1,18}(\\.\\d+)?");

    /**
     * The amount in minor units of {@code currency}, sign kept.
     *
     * @throws IllegalArgumentException saying what is wrong with the text
     */
    public long toMinor(String text, Currency currency) {
        return switch (this) {
            case MINOR -> {
                if (!MINOR_TEXT.matcher(text).matches()) {
                    throw new IllegalArgumentException("'" + text + "' is not a whole number of minor units");
                }
                yield Long.parseLong(text);
            }
            case MAJOR -> {
                if (!MAJOR_TEXT.matcher(text).matches()) {
                    throw new IllegalArgumentException("'" + text + "' is not a decimal amount");
                }
                BigDecimal major = new BigDecimal(text);
                int digits = currency.getDefaultFractionDigits();
                if (major.scale() > digits) {
                    throw new IllegalArgumentException("'" + text + "' has more decimals than " + currency
                            + " allows (" + digits + ")");
                }
                try {
                    yield major.movePointRight(digits).longValueExact();
                } catch (ArithmeticException e) {
                    throw new IllegalArgumentException("'" + text + "' is too large", e);
                }
            }
        };
    }
}
