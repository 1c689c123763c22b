package io.orderkeep.console;

import io.orderkeep.platform.ApiException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A module's refusal ({@link ApiException}) in the reader's language. The modules write their details in English
 * for the API's problem JSON; the console names the problem by its stable {@code code} ({@code problem.CODE}) and a
 * field at fault by its name ({@code problem.field.NAME}), so a Chinese reader never gets an English sentence. A
 * code or field without a message (one added later) falls back to the English detail rather than to nothing.
 */
@Component("consoleProblems")
public class ConsoleProblems {

    /** Every problem code the console can meet; each has {@code problem.CODE} in both languages (a test checks). */
    public static final List<String> CODES = List.of("not_found", "forbidden", "unauthenticated", "validation_failed",
            "malformed_request", "unavailable", "illegal_transition", "already_resolved", "refund_refused",
            "refund_impossible", "refund_in_progress", "repair_refused", "payment_not_failed", "order_paid",
            "endpoint_disabled", "merchant_exists", "user_exists", "self_disable", "merchant_order_ref_taken",
            "rate_limited", "internal_error");

    /** The fields the console's forms send; each has {@code problem.field.NAME} in both languages. */
    public static final List<String> FIELDS = List.of("reason", "ids", "amount", "action", "file", "date",
            "provider", "merchantId", "role", "username", "password", "status", "age", "cursor", "id", "name",
            "timeZone", "defaultLocale");

    private final MessageSource messages;

    ConsoleProblems(MessageSource messages) {
        this.messages = messages;
    }

    /** One line for a form or the flash region: the fields at fault when there are some, else the problem. */
    public String describe(ApiException e) {
        if (e.errors().isEmpty()) {
            return text(e);
        }
        return fields(e).stream().collect(Collectors.joining("; "));
    }

    /** What went wrong, by code; the English detail only for a code the console has no words for. */
    public String text(ApiException e) {
        return messages.getMessage("problem." + e.code(), null, e.getMessage(), locale());
    }

    /** Each field at fault, by name; the API's English words only for a field the console has no words for. */
    public List<String> fields(ApiException e) {
        return e.errors().stream().map(f -> messages.getMessage("problem.field." + f.field(), null,
                f.field() + ": " + f.message(), locale())).toList();
    }

    /** The words for a problem code, for a refusal that reached the console other than as an ApiException. */
    public String text(String code) {
        return messages.getMessage("problem." + code, null, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
