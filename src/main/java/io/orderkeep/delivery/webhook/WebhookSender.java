package io.orderkeep.delivery.webhook;

import io.orderkeep.delivery.DeliveryProperties;
import io.orderkeep.delivery.domain.WebhookSignature;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * One attempt of one delivery: a Standard Webhooks POST, bounded by the connect timeout (2 s) and the whole-attempt
 * timeout (15 s), keeping the first KiB of the answer. Never throws for the receiver's trouble: it is the result.
 */
@Component
class WebhookSender {

    static final int KEPT_BODY = 1024;

    private final HttpClient client;
    private final Duration timeout;
    private final Clock clock;

    WebhookSender(DeliveryProperties properties, Clock clock) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        this.timeout = properties.requestTimeout();
        this.clock = clock;
    }

    /**
     * @param status the HTTP status, or null when none came
     * @param error why none came, or null
     */
    record Result(Integer status, String retryAfter, long latencyMs, String body, String error) {}

    Result send(DeliveryStore.Claimed delivery) {
        long timestamp = clock.millis() / 1000;
        var request = HttpRequest.newBuilder(URI.create(delivery.url()))
                .timeout(timeout)
                .header("content-type", "application/json")
                .header("user-agent", "Orderkeep-Webhooks/1")
                .header("webhook-id", delivery.eventId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.sign(delivery.secrets(), delivery.eventId(), timestamp,
                        delivery.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
                .build();
        long started = System.nanoTime();
        var response = client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .thenApply(WebhookSender::firstKiB);
        try {
            Result result = response.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Result(result.status(), result.retryAfter(), elapsed(started), result.body(), null);
        } catch (TimeoutException e) {
            response.cancel(true);
            return failure(started, "no complete answer within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return failure(started, storable(cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure(started, "interrupted while sending (shutting down)");
        }
    }

    private static Result firstKiB(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            String body = storable(new String(in.readNBytes(KEPT_BODY), StandardCharsets.UTF_8));
            return new Result(response.statusCode(), response.headers().firstValue("retry-after").orElse(null), 0,
                    body, null);
        } catch (IOException e) {
            return new Result(response.statusCode(), response.headers().firstValue("retry-after").orElse(null), 0,
                    null, "reading the answer failed: " + e.getClass().getSimpleName());
        }
    }

    /**
     * The answer as text every database takes. Decoding already replaced invalid UTF-8 (and a character cut at the
     * KiB) with U+FFFD; a NUL is valid UTF-8 but PostgreSQL's text refuses it, and an attempt whose record fails is
     * never recorded, so its delivery would be sent again and again. It becomes U+FFFD too.
     */
    static String storable(String text) {
        return text.indexOf('\u0000') < 0 ? text : text.replace('\u0000', '\uFFFD');
    }

    private static Result failure(long started, String error) {
        return new Result(null, null, elapsed(started), null, error);
    }

    private static long elapsed(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }
}
