package io.orderkeep.sandbox.http;

import io.orderkeep.sandbox.core.PaymentStatus;
import io.orderkeep.sandbox.core.SandboxException;
import io.orderkeep.sandbox.core.SandboxException.FieldError;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** The request bodies the sandbox accepts, validated: every invalid field is named in one 400 answer. */
final class Requests {

    /** Ids travel into URLs and CSV files, so they are kept to characters that need no escaping in either. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    static final long MAX_AMOUNT = 1_000_000_000_000L;
    static final int MAX_REFERENCE = 256;

    record NewPayment(String outTradeNo, long amount, String currency, String notifyUrl, String reference) {}

    record NewRefund(long amount, String refundId) {}

    private Requests() {}

    static NewPayment payment(JsonNode body) {
        var errors = new ArrayList<FieldError>();
        String outTradeNo = id(body, "outTradeNo", true, errors);
        long amount = amount(body, errors);
        String currency = currency(body, errors);
        String notifyUrl = url(body, "notifyUrl", errors);
        String reference = reference(body, errors);
        check(errors);
        return new NewPayment(outTradeNo, amount, currency, notifyUrl, reference);
    }

    static NewRefund refund(JsonNode body) {
        var errors = new ArrayList<FieldError>();
        long amount = amount(body, errors);
        String refundId = id(body, "refundId", false, errors);
        check(errors);
        return new NewRefund(amount, refundId);
    }

    static PaymentStatus outcome(JsonNode body) {
        JsonNode value = body.get("outcome");
        if (value != null && value.isString()
                && (value.stringValue().equals("SUCCEEDED") || value.stringValue().equals("FAILED"))) {
            return PaymentStatus.valueOf(value.stringValue());
        }
        throw SandboxException.validation("outcome", "must be SUCCEEDED or FAILED");
    }

    private static String id(JsonNode body, String field, boolean required, List<FieldError> errors) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        if (!value.isString() || !ID.matcher(value.stringValue()).matches()) {
            errors.add(new FieldError(field, "must be 1-64 characters of A-Z, a-z, 0-9, '_', '.', ':' or '-'"));
            return null;
        }
        return value.stringValue();
    }

    /** Optional free text (a merchant's order reference may hold any character), never in a URL or CSV file. */
    private static String reference(JsonNode body, List<FieldError> errors) {
        JsonNode value = body.get("reference");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString() || value.stringValue().isEmpty() || value.stringValue().length() > MAX_REFERENCE
                || value.stringValue().chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("reference", "must be 1-" + MAX_REFERENCE + " characters without control characters"));
            return null;
        }
        return value.stringValue();
    }

    private static long amount(JsonNode body, List<FieldError> errors) {
        JsonNode value = body.get("amount");
        if (value == null || value.isNull()) {
            errors.add(new FieldError("amount", "is required"));
        } else if (!value.isIntegralNumber() || !value.canConvertToLong()
                || value.longValue() < 1 || value.longValue() > MAX_AMOUNT) {
            errors.add(new FieldError("amount", "must be a whole number of minor units from 1 to " + MAX_AMOUNT));
        } else {
            return value.longValue();
        }
        return 0;
    }

    private static String currency(JsonNode body, List<FieldError> errors) {
        JsonNode value = body.get("currency");
        if (value == null || value.isNull()) {
            errors.add(new FieldError("currency", "is required"));
            return null;
        }
        if (value.isString() && value.stringValue().matches("[A-Z]{3}")) {
            try {
                if (Currency.getInstance(value.stringValue()).getDefaultFractionDigits() >= 0) {
                    return value.stringValue();
                }
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("currency", "is not an ISO 4217 currency code"));
                return null;
            }
        }
        errors.add(new FieldError("currency", "must be an ISO 4217 currency code such as CNY"));
        return null;
    }

    private static String url(JsonNode body, String field, List<FieldError> errors) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        if (value.isString() && value.stringValue().length() <= 2048) {
            try {
                URI uri = new URI(value.stringValue());
                if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                    return value.stringValue();
                }
            } catch (URISyntaxException e) {
                errors.add(new FieldError(field, "is not a valid URL"));
                return null;
            }
        }
        errors.add(new FieldError(field, "must be an absolute http or https URL"));
        return null;
    }

    private static void check(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw SandboxException.validation(errors);
        }
    }
}
