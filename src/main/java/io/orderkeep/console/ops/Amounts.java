package io.orderkeep.console.ops;

import io.orderkeep.order.domain.Money;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/**
 * Amounts as people read them: minor units shown in major units with the currency's own number of digits
 * ({@code 2500 CNY} is {@code 25.00 CNY}, {@code 2500 JPY} is {@code 2500 JPY}). Templates call
 * {@code ${@amounts.format(amount, currency)}}; a code that is no currency shows the minor units as they are.
 */
@Component("amounts")
class Amounts {

    public String format(long minor, String currency) {
        return Money.currency(currency)
                .map(c -> BigDecimal.valueOf(minor, c.getDefaultFractionDigits()).toPlainString() + " " + currency)
                .orElse(currency == null ? Long.toString(minor) : minor + " " + currency);
    }
}
