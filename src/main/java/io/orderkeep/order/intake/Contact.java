package io.orderkeep.order.intake;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The customer's e-mail and phone as people type them, normalised, or empty when they cannot be valid. */
final class Contact {

    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private Contact() {}

    /** Trimmed, domain lower-cased (the local part is the mailbox owner's and keeps its case). */
    static Optional<String> email(String raw) {
        String email = raw.strip();
        int at = email.lastIndexOf('@');
        if (email.length() > 254 || at < 1 || at > 64) {
            return Optional.empty();
        }
        String local = email.substring(0, at);
        String domain = email.substring(at + 1).toLowerCase(Locale.ROOT);
        if (!LOCAL.matcher(local).matches() || !domain.contains(".") || domain.length() > 253) {
            return Optional.empty();
        }
        for (String label : domain.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(local + "@" + domain);
    }

    /** E.164 ({@code +8613800138000}); a national number is read in {@code defaultRegion} (the shipping country). */
    static Optional<String> phone(String raw, String defaultRegion) {
        try {
            var number = PHONES.parse(raw.strip(), defaultRegion == null ? "ZZ" : defaultRegion);
            return PHONES.isValidNumber(number)
                    ? Optional.of(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
