package io.orderkeep.console;

import io.orderkeep.order.domain.Money;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Amounts in minor units as people read them, with the currency's own number of digits. Console templates call
 * {@code ${@amounts.format(amount, currency)}} for the operator's plain form ({@code 2500 CNY} is {@code 25.00 CNY},
 * {@code 2500 JPY} is {@code 2500 JPY}); the tracking page uses {@link #forCustomer} for the customer's own
 * convention ({@code ¥25.00}, {@code ¥2,500}). A code that is no currency shows the minor units as they are.
 */
@Component("amounts")
public class Amounts {

    public String format(long minor, String currency) {
        return Money.currency(currency)
                .map(c -> major(minor, c).toPlainString() + " " + currency)
                .orElse(currency == null ? Long.toString(minor) : minor + " " + currency);
    }

    public static String forCustomer(long minor, String currencyCode, Locale locale) {
        return Money.currency(currencyCode).map(currency -> {
            NumberFormat format = NumberFormat.getCurrencyInstance(locale);
            format.setCurrency(currency);
            int digits = Math.max(currency.getDefaultFractionDigits(), 0);
            format.setMinimumFractionDigits(digits);
            format.setMaximumFractionDigits(digits);
            return format.format(major(minor, currency));
        }).orElse(minor + " " + currencyCode);
    }

    private static BigDecimal major(long minor, Currency currency) {
        return BigDecimal.valueOf(minor, Math.max(currency.getDefaultFractionDigits(), 0));
    }
}
