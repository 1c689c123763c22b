package io.orderkeep.cli.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small JSON client for one server: the demo talks to Orderkeep and to the sandbox over HTTP only, as a shop and its
 * customers would. With a key, every request carries {@code Authorization: Bearer}.
 */
final class DemoHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** One answer: the status and the body read as JSON (a missing node when the body was empty or not JSON). */
    record Reply(int status, JsonNode body) {
        boolean ok() {
            return status / 100 == 2;
        }

        /** The body, or an exception naming the call and what came back. */
        JsonNode expect(String call) {
            if (!ok()) {
                throw new IllegalStateException(call + " answered " + status + ": " + body);
            }
            return body;
        }
    }

    private final HttpClient client;
    private final String base;
    private final String key;

    DemoHttp(String base, String key) {
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        this.base = base;
        this.key = key;
    }

    String base() {
        return base;
    }

    Reply get(String path) {
        return send(request(path).GET());
    }

    Reply post(String path, Object body) {
        return post(path, body, Map.of());
    }

    Reply post(String path, Object body, Map<String, String> headers) {
        var request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        headers.forEach(request::header);
        return send(request);
    }

    /** Every element of a paged list ({@code {"data": [...], "nextCursor"}}), 200 at a time. */
    List<JsonNode> all(String path) {
        var all = new ArrayList<JsonNode>();
        String cursor = null;
        do {
            String page = path + (path.contains("?") ? "&" : "?") + "limit=200"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            JsonNode body = get(page).expect("GET " + path);
            body.path("data").forEach(all::add);
            JsonNode next = body.path("nextCursor");
            cursor = next.isNull() || next.isMissingNode() || next.asString().isEmpty() ? null : next.asString();
        } while (cursor != null);
        return all;
    }

    private HttpRequest.Builder request(String path) {
        var request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .timeout(Duration.ofSeconds(30));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return request;
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? JSON.missingNode() : readOrMissing(response.body());
            return new Reply(response.statusCode(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode readOrMissing(String text) {
        try {
            return JSON.readTree(text);
        } catch (tools.jackson.core.JacksonException e) {
            return JSON.missingNode();
        }
    }
}
