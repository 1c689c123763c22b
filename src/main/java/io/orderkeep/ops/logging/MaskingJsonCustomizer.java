package io.orderkeep.ops.logging;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.json.JsonWriter.ValueProcessor;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Masks every string value of a structured (JSON) log line — the message, MDC values, key-value pairs — as the
 * text pattern does. Named by {@code logging.structured.json.customizer}.
 */
public class MaskingJsonCustomizer implements StructuredLoggingJsonMembersCustomizer<Object> {

    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(ValueProcessor.of(String.class, LogMasking::mask));
    }
}
