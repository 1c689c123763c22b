package io.orderkeep.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import io.orderkeep.ops.logging.FormatGate;
import io.orderkeep.ops.logging.LogMasking;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.mock.env.MockEnvironment;

/** The JSON (structured) log format masks as the text one does: message, MDC and key-value pairs. */
class StructuredLogMaskingTest {

    @Test
    void jsonLogLinesMaskContactDataAndKeys() {
        var context = new LoggerContext();
        var encoder = maskingEcsEncoder(context);
        var event = new LoggingEvent("test", context.getLogger("test"), Level.WARN,
                "paid by {} from {}", null, new Object[] {"wang.fang@example.cn", "+8613912345678"});
        event.setMDCPropertyMap(Map.of("requestId", "req_1", "apiKey", "ok_abcdef0123456789"));

        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

        assertThat(line).contains("\"req_1\"", "w***@example.cn", "+86139****5678", "ok_***");
        assertThat(line).doesNotContain("wang.fang", "8613912345678", "abcdef0123456789");
    }

    @Test
    void jsonLogLinesMaskExceptionMessagesAndStackTraces() {
        var context = new LoggerContext();
        var encoder = maskingEcsEncoder(context);
        var failure = new IllegalStateException("mailbox wang.fang@example.cn refused",
                new RuntimeException("caller +8613912345678 used ok_abcdef0123456789"));
        var event = new LoggingEvent("test", context.getLogger("test"), Level.ERROR, "could not send", failure,
                null);
        event.setMDCPropertyMap(Map.of());

        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

        assertThat(line).contains("w***@example.cn", "+86139****5678", "ok_***", "stack_trace");
        assertThat(line).doesNotContain("wang.fang", "8613912345678", "abcdef0123456789");
    }

    @Test
    void exactlyOneConsoleFormatWritesAndAMistypedOneFallsBackToText() {
        for (String chosen : new String[] {"text", "json", "JSON ", "ecs", ""}) {
            boolean json = chosen.trim().equalsIgnoreCase("json");
            assertThat(gate("json", chosen)).as(chosen).isEqualTo(json ? FilterReply.NEUTRAL : FilterReply.DENY);
            assertThat(gate("text", chosen)).as(chosen).isEqualTo(json ? FilterReply.DENY : FilterReply.NEUTRAL);
        }
    }

    private static FilterReply gate(String format, String chosen) {
        var gate = new FormatGate();
        gate.setFormat(format);
        gate.setChosen(chosen);
        return gate.decide(null);
    }

    @Test
    void plainTextKeepsIdsTimestampsAndAmounts() {
        String text = "order ord_01KAXJ5M9R3T8E1Y2K4N6P8Q0S at 1764040227000 amount 1380013800 ref 2026112512345678";
        assertThat(LogMasking.mask(text)).isEqualTo(text);
        assertThat(LogMasking.mask("call 138 0013 8000? no: +86 138 0013 8000")).isEqualTo("call 138 0013 8000? no: +86138****8000");
    }

    /** Spring Boot's ECS encoder with Orderkeep's masking customizer, as application.yml configures it. */
    private static StructuredLogEncoder maskingEcsEncoder(LoggerContext context) {
        context.putObject(org.springframework.core.env.Environment.class.getName(), new MockEnvironment()
                .withProperty("logging.structured.json.customizer", "io.orderkeep.ops.logging.MaskingJsonCustomizer"));
        var encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat("ecs");
        encoder.start();
        return encoder;
    }
}
