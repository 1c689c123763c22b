package io.orderkeep.order.intake;

import io.orderkeep.platform.ApiException.FieldError;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads a JSON request field by field and collects what is wrong with each, named as the API names it
 * ({@code items[0].quantity}), so that one response lists every problem.
 */
final class Fields {

    final List<FieldError> errors = new ArrayList<>();

    void reject(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** A string of 1–{@code max} characters after trimming, or null (absent, null, or wrong: then an error). */
    String text(JsonNode parent, String name, String field, boolean required, int max) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                reject(field, "is required");
            }
            return null;
        }
        if (!node.isString()) {
            reject(field, "must be a string");
            return null;
        }
        String value = node.stringValue().strip();
        if (value.isEmpty() || value.length() > max) {
            reject(field, "must be 1–" + max + " characters");
            return null;
        }
        return value;
    }

    /** An integer, or null (absent, null, or wrong: then an error naming what {@code unit} it is counted in). */
    Long integer(JsonNode parent, String name, String field, String unit) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            reject(field, "is required");
            return null;
        }
        if (!node.isNumber()) {
            reject(field, "must be a number");
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            reject(field, "must be a whole number of " + unit);
            return null;
        }
        return node.longValue();
    }

    /** An object, or null when absent; an error when it is something else. */
    JsonNode object(JsonNode parent, String name, String field, boolean required) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                reject(field, "is required");
            }
            return null;
        }
        if (!node.isObject()) {
            reject(field, "must be an object");
            return null;
        }
        return node;
    }

    JsonNode array(JsonNode parent, String name, String field) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            reject(field, "is required");
            return null;
        }
        if (!node.isArray()) {
            reject(field, "must be an array");
            return null;
        }
        return node;
    }
}
