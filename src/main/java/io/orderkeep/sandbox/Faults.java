package io.orderkeep.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the sandbox misbehaves. Each probability is between 0 and 1 and is rolled per event: {@code dropNotify} and
 * {@code duplicateNotify} and the delay per notification, {@code badSignature} per delivery attempt,
 * {@code queryTimeout} per query, {@code failAfterCharge} per create, pay or refund request.
 *
 * @param delayNotifyMinMs lower bound of the random delay before a notification's first delivery attempt
 * @param delayNotifyMaxMs upper bound (inclusive) of that delay
 */
public record Faults(double dropNotify, double duplicateNotify, long delayNotifyMinMs, long delayNotifyMaxMs,
        double badSignature, double queryTimeout, double failAfterCharge) {

    /** A well-behaved provider. */
    public static final Faults NONE = new Faults(0, 0, 0, 0, 0, 0, 0);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A fault setting that cannot be applied; {@link #field()} names the JSON field. */
    public static final class Invalid extends IllegalArgumentException {
        private final String field;

        public Invalid(String field, String message) {
            super(field + ": " + message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    public Faults {
        probability("dropNotify", dropNotify);
        probability("duplicateNotify", duplicateNotify);
        probability("badSignature", badSignature);
        probability("queryTimeout", queryTimeout);
        probability("failAfterCharge", failAfterCharge);
        if (delayNotifyMinMs < 0 || delayNotifyMaxMs < delayNotifyMinMs) {
            throw new Invalid("delayNotifyMs", "must be [min, max] with 0 <= min <= max");
        }
    }

    /**
     * Reads the JSON form used by {@code POST /v1/faults} and {@code --faults}: the object is the whole new setting,
     * so a field left out is 0 (no such fault). Unknown fields are refused.
     */
    public static Faults parse(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new Invalid("$", "not valid JSON");
        }
        return parse(node);
    }

    public static Faults parse(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new Invalid("$", "must be a JSON object");
        }
        for (var entry : node.properties()) {
            if (!List.of("dropNotify", "duplicateNotify", "delayNotifyMs", "badSignature", "queryTimeout",
                    "failAfterCharge").contains(entry.getKey())) {
                throw new Invalid(entry.getKey(), "unknown fault");
            }
        }
        long min = 0;
        long max = 0;
        JsonNode delay = node.get("delayNotifyMs");
        if (delay != null && !delay.isNull()) {
            if (!delay.isArray() || delay.size() != 2 || !delay.get(0).isIntegralNumber()
                    || !delay.get(1).isIntegralNumber()) {
                throw new Invalid("delayNotifyMs", "must be [min, max] in milliseconds");
            }
            min = delay.get(0).longValue();
            max = delay.get(1).longValue();
        }
        return new Faults(number(node, "dropNotify"), number(node, "duplicateNotify"), min, max,
                number(node, "badSignature"), number(node, "queryTimeout"), number(node, "failAfterCharge"));
    }

    /** The JSON form, as {@code GET /v1/faults} answers it. */
    public Map<String, Object> toMap() {
        var map = new LinkedHashMap<String, Object>();
        map.put("dropNotify", dropNotify);
        map.put("duplicateNotify", duplicateNotify);
        map.put("delayNotifyMs", List.of(delayNotifyMinMs, delayNotifyMaxMs));
        map.put("badSignature", badSignature);
        map.put("queryTimeout", queryTimeout);
        map.put("failAfterCharge", failAfterCharge);
        return map;
    }

    private static double number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.isNumber()) {
            throw new Invalid(field, "must be a number between 0 and 1");
        }
        return value.doubleValue();
    }

    private static void probability(String field, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new Invalid(field, "must be a number between 0 and 1");
        }
    }
}
