package io.orderkeep.delivery.mail;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The customer e-mails, in zh-CN and en ({@code delivery/mail/messages_*.properties}), chosen by the customer's
 * locale: Chinese for any {@code zh} locale, English otherwise. Placeholders: {0} order number, {1} amount in major
 * units, {2} currency, {3} tracking link.
 */
final class MailTemplates {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    record Mail(String subject, String body) {}

    private MailTemplates() {}

    static Mail render(String eventType, String customerLocale, Map<String, Object> order) {
        Locale locale = customerLocale != null && customerLocale.toLowerCase(Locale.ROOT).startsWith("zh")
                ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        ResourceBundle bundle = ResourceBundle.getBundle("delivery.mail.messages", locale, NO_FALLBACK);
        Object[] values = {text(order.get("number"), text(order.get("id"), "")), amount(order), text(order.get("currency"), ""),
                text(order.get("trackingUrl"), "")};
        return new Mail(format(bundle.getString(eventType + ".subject"), values, locale),
                format(bundle.getString(eventType + ".body"), values, locale));
    }

    static boolean knows(String eventType) {
        return ResourceBundle.getBundle("delivery.mail.messages", Locale.ENGLISH, NO_FALLBACK)
                .containsKey(eventType + ".subject");
    }

    private static String format(String pattern, Object[] values, Locale locale) {
        return new MessageFormat(pattern, locale).format(values);
    }

    private static String amount(Map<String, Object> order) {
        if (!(order.get("totalAmount") instanceof Number minor)) {
            return "";
        }
        int digits = 2;
        try {
            digits = Math.max(0, Currency.getInstance(text(order.get("currency"), "CNY")).getDefaultFractionDigits());
        } catch (IllegalArgumentException unknownCurrency) {
            digits = 2;
        }
        return BigDecimal.valueOf(minor.longValue(), digits).toPlainString();
    }

    private static String text(Object value, String otherwise) {
        return value == null ? otherwise : value.toString();
    }
}
