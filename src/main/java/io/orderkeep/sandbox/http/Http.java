package io.orderkeep.sandbox.http;

import com.sun.net.httpserver.HttpExchange;
import io.orderkeep.sandbox.core.SandboxException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading requests and writing responses on the JDK's HTTP server. */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_BODY = 64 * 1024;

    private Http() {}

    /** The request body as a JSON object; an empty body reads as an empty object. */
    static JsonNode jsonBody(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            throw new SandboxException(413, "payload_too_large", "Payload too large",
                    "The body is larger than " + MAX_BODY + " bytes.", java.util.List.of(), Map.of());
        }
        if (body.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw SandboxException.malformed("The body must be a JSON object.");
            }
            return node;
        } catch (JacksonException e) {
            throw SandboxException.malformed("The body is not valid JSON.");
        }
    }

    static Map<String, String> query(HttpExchange exchange) {
        var params = new HashMap<String, String>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(name, value);
        }
        return params;
    }

    static void json(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json", JSON.writeValueAsBytes(body));
    }

    static void problem(HttpExchange exchange, SandboxException e) throws IOException {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", "https://orderkeep.io/problems/sandbox/" + e.code().replace('_', '-'));
        body.put("title", e.title());
        body.put("status", e.status());
        body.put("detail", e.getMessage());
        body.put("code", e.code());
        if (!e.errors().isEmpty()) {
            body.put("errors", e.errors().stream()
                    .map(f -> Map.of("field", f.field(), "message", f.message())).toList());
        }
        body.putAll(e.extensions());
        send(exchange, e.status(), "application/problem+json", JSON.writeValueAsBytes(body));
    }

    static void text(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        send(exchange, status, contentType + "; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    static SandboxException internalError() {
        return new SandboxException(500, "internal_error", "Internal error",
                "The provider failed to process the request.", java.util.List.of(), Map.of());
    }
}
