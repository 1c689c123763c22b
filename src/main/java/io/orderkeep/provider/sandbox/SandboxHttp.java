package io.orderkeep.provider.sandbox;

import io.orderkeep.payment.ProviderRejected;
import io.orderkeep.payment.ProviderSettings;
import io.orderkeep.payment.ProviderUnavailable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON over HTTP to the sandbox with the configured timeouts. 404 is "no such thing" (empty), other 4xx a clear
 * refusal, and everything unclear — timeouts, refused connections, 5xx, unreadable answers — is
 * {@link ProviderUnavailable}, because the request may have taken effect.
 */
final class SandboxHttp {

    private final ProviderSettings settings;
    private final JsonMapper json;
    private final HttpClient client;

    SandboxHttp(ProviderSettings settings, JsonMapper json) {
        this.settings = settings;
        this.json = json;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    Optional<JsonNode> send(String method, String path, Object body) {
        var request = request(path).header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        }
        HttpResponse<byte[]> response = call(request.build(), HttpResponse.BodyHandlers.ofByteArray(), method + " " + path);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        check(response.statusCode(), method + " " + path, new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        try {
            return Optional.of(json.readTree(response.body()));
        } catch (JacksonException e) {
            throw new ProviderUnavailable("the sandbox answered " + method + " " + path + " with unreadable JSON", e);
        }
    }

    InputStream stream(String path) {
        HttpResponse<InputStream> response = call(request(path).GET().build(), HttpResponse.BodyHandlers.ofInputStream(), "GET " + path);
        if (response.statusCode() >= 300) {
            try (InputStream ignored = response.body()) {
                check(response.statusCode() == 404 ? 400 : response.statusCode(), "GET " + path, "");
            } catch (IOException e) {
                throw new ProviderUnavailable("GET " + path + " failed: " + e.getMessage(), e);
            }
        }
        return response.body();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(settings.url() + path)).timeout(settings.readTimeout());
    }

    private <T> HttpResponse<T> call(HttpRequest request, HttpResponse.BodyHandler<T> handler, String what) {
        try {
            return client.send(request, handler);
        } catch (IOException e) {
            throw new ProviderUnavailable(what + " got no answer from the sandbox: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailable(what + " was interrupted", e);
        }
    }

    private static void check(int status, String what, String body) {
        if (status >= 500) {
            throw new ProviderUnavailable(what + " answered " + status);
        }
        if (status >= 400) {
            throw new ProviderRejected(status, what + " refused with " + status + ": " + abbreviate(body));
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
