package io.orderkeep.ops.logging;

import io.orderkeep.access.domain.ContactMasking;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what must never be readable in a log line: customer e-mail addresses and phone numbers (as the API masks
 * them for roles without contact access), API keys ({@code ok_…}), webhook secrets ({@code whsec_…}) and bearer
 * tokens. Applied to every formatted message, text or JSON, so that a careless log statement cannot leak them.
 */
public final class LogMasking {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    // International numbers (+ and 8–15 digits, spaces or dashes allowed) and Chinese mobiles (11 digits from 1[3-9]);
    // the word boundaries keep epoch milliseconds, amounts and ids inside ULIDs untouched.
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\w+])\\+\\d[\\d -]{6,16}\\d(?![\\w])|(?<![\\w])1[3-9]\\d{9}(?![\\w])");
    private static final Pattern SECRET = Pattern.compile("\\b(ok|whsec)_[A-Za-z0-9+/=_-]+");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)\\S+");

    private LogMasking() {}

    /** The text with contact data, keys and secrets masked; null stays null. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text;
        if (masked.indexOf('@') >= 0) {
            masked = replace(EMAIL, masked, ContactMasking::email);
        }
        masked = BEARER.matcher(masked).replaceAll("$1***");
        masked = SECRET.matcher(masked).replaceAll("$1_***");
        return replace(PHONE, masked, phone -> ContactMasking.phone(phone.replaceAll("[ -]", "")));
    }

    private static String replace(Pattern pattern, String text, java.util.function.UnaryOperator<String> masker) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return text;
        }
        var out = new StringBuilder();
        do {
            m.appendReplacement(out, Matcher.quoteReplacement(masker.apply(m.group())));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }
}
