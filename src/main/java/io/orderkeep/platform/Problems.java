package io.orderkeep.platform;

import io.micrometer.core.instrument.Metrics;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/** Writes an {@link ApiException} as {@code application/problem+json}, from a controller or from a filter. */
public final class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private Problems() {}

    /**
     * Every problem written is counted by its code ({@code orderkeep_rejected_inputs_total}). The global registry,
     * to which Spring Boot adds its own, because problems are written from static code and filters alike.
     */
    private static void counted(ApiException e) {
        Metrics.counter("orderkeep.rejected.inputs", "code", e.code(), "status", Integer.toString(e.status())).increment();
    }

    public static Map<String, Object> body(ApiException e) {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", "https://orderkeep.io/problems/" + e.code().replace('_', '-'));
        body.put("title", e.title());
        body.put("status", e.status());
        body.put("detail", e.getMessage());
        body.put("code", e.code());
        if (!e.errors().isEmpty()) {
            List<Map<String, String>> errors = e.errors().stream()
                    .map(f -> Map.of("field", f.field(), "message", f.message()))
                    .toList();
            body.put("errors", errors);
        }
        body.putAll(e.extensions());
        return body;
    }

    public static ResponseEntity<Object> entity(ApiException e) {
        counted(e);
        var headers = new HttpHeaders();
        e.headers().forEach(headers::add);
        headers.setContentType(PROBLEM_JSON);
        return ResponseEntity.status(e.status()).headers(headers).body(body(e));
    }

    public static void write(HttpServletResponse response, ApiException e, JsonMapper json) throws IOException {
        counted(e);
        response.resetBuffer();
        response.setStatus(e.status());
        e.headers().forEach(response::setHeader);
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(json.writeValueAsBytes(body(e)));
        response.flushBuffer();
    }
}
