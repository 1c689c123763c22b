package io.orderkeep.order.domain;

import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/**
 * An amount in minor units of an ISO 4217 currency (2500 CNY is 25.00 yuan; 2500 JPY is 2500 yen). Arithmetic is
 * exact: an overflow throws instead of wrapping around.
 */
public record Money(long amount, Currency currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(long amount, String currencyCode) {
        return new Money(amount, Currency.getInstance(currencyCode));
    }

    /** The currency for an ISO 4217 code, if it is one that money is counted in (not XAU, XXX, …). */
    public static Optional<Currency> currency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return Optional.empty();
        }
        try {
            Currency currency = Currency.getInstance(code);
            return currency.getDefaultFractionDigits() < 0 ? Optional.empty() : Optional.of(currency);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** How many minor digits the currency has: JPY 0, CNY 2, KWD 3. */
    public int minorDigits() {
        return currency.getDefaultFractionDigits();
    }

    /** The largest amount a single unit price may have: a hundred million major units, whatever the currency. */
    public static long maxUnitAmount(Currency currency) {
        return 100_000_000L * pow10(currency.getDefaultFractionDigits());
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(amount, other.amount), currency);
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(amount, factor), currency);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
        }
    }

    private static long pow10(int digits) {
        long result = 1;
        for (int i = 0; i < digits; i++) {
            result *= 10;
        }
        return result;
    }
}
