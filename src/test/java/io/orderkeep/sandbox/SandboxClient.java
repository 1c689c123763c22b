package io.orderkeep.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for the sandbox in tests: every call crosses a socket. */
final class SandboxClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    record Response(int status, String body, java.net.http.HttpHeaders headers) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        String code() {
            return json().path("code").asString();
        }
    }

    private final String base;

    SandboxClient(String base) {
        this.base = base;
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), null);
    }

    Response get(String path, String acceptLanguage) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", acceptLanguage).GET(),
                null);
    }

    Response post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), null);
    }

    /** A GET that gives up after {@code timeout}, as a provider client with a short timeout would. */
    Response get(String path, Duration timeout) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout).GET().build();
        var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body(), response.headers());
    }

    JsonNode createPayment(String outTradeNo, long amount, String notifyUrl) {
        Response response = post("/v1/payments", """
                {"outTradeNo": "%s", "amount": %d, "currency": "CNY", "notifyUrl": "%s"}"""
                .formatted(outTradeNo, amount, notifyUrl));
        if (response.status() != 201) {
            throw new AssertionError("create failed: " + response.status() + " " + response.body());
        }
        return response.json();
    }

    JsonNode pay(String providerRef, String outcome) {
        Response response = post("/v1/payments/" + providerRef + "/pay", "{\"outcome\": \"" + outcome + "\"}");
        if (response.status() != 200) {
            throw new AssertionError("pay failed: " + response.status() + " " + response.body());
        }
        return response.json();
    }

    private Response send(HttpRequest.Builder builder, Duration timeout) {
        try {
            var response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
