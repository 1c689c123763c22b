package io.orderkeep.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderkeep.order.Change;
import io.orderkeep.order.OrderFixtures;
import io.orderkeep.order.OrderLifecycle;
import io.orderkeep.order.TrackingLinks;
import io.orderkeep.support.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The tracking page's stream over a real HTTP connection: opened with the order's tracking token, it carries that
 * order's changes and nobody else's, without the customer's contact data; anything but the right token is 404.
 */
@DeliveryTest
@ExtendWith(OutputCaptureExtension.class)
class TrackingStreamHttpTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort int port;
    @Autowired TrackingLinks links;
    @Autowired OrderLifecycle lifecycle;
    @Autowired LoggingSystem logging;

    final List<Stream<String>> open = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeStreams() {
        open.forEach(Stream::close);
    }

    @Test
    void theOrdersOwnChangeArrivesAndAnotherOrdersDoesNot() {
        Api api = Api.at(port).asAdmin();
        String merchant = OrderFixtures.newMerchant(api);
        String mine = OrderFixtures.created(api, OrderFixtures.order(merchant));
        String other = OrderFixtures.created(api, OrderFixtures.order(merchant));
        List<String> lines = listen(mine, links.token(mine), null);

        lifecycle.flagNeedsAttention(other, Change.of("operator:test", "test", "the other order's change"));
        lifecycle.flagNeedsAttention(mine, Change.of("operator:test", "test", "this order's change"));

        await().atMost(Duration.ofSeconds(10)).until(() -> String.join("\n", lines).contains("order.needs_attention"));
        String received = String.join("\n", lines);
        assertThat(received).contains("\"type\":\"order.needs_attention\"")
                .contains("\"orderId\":\"" + mine + "\"").contains("\"status\":\"PENDING_PAYMENT\"")
                .contains("\"hop\":\"accepted\"").doesNotContain(other);
        assertThat(received).doesNotContain("li.wei", "example.com", "8613800138000", "Li Wei", "West Lake");
        assertThat(lines).as("unnamed events, for EventSource.onmessage").noneMatch(line -> line.startsWith("event:"));
    }

    @Test
    void aCustomerWhoReconnectsGetsWhatTheirOrderMissed() {
        Api api = Api.at(port).asAdmin();
        String merchant = OrderFixtures.newMerchant(api);
        String order = OrderFixtures.created(api, OrderFixtures.order(merchant));
        List<String> first = listen(order, links.token(order), null);
        lifecycle.flagNeedsAttention(order, Change.of("operator:test", "test", "first"));
        await().atMost(Duration.ofSeconds(10)).until(() -> first.stream().anyMatch(line -> line.startsWith("id:")));
        String lastId = first.stream().filter(line -> line.startsWith("id:")).reduce((a, b) -> b).orElseThrow()
                .substring(3);
        open.forEach(Stream::close);

        lifecycle.clearNeedsAttention(order, Change.of("operator:test", "test", "resolved while away"));
        List<String> again = listen(order, links.token(order), lastId);
        await().atMost(Duration.ofSeconds(10)).until(() -> again.stream().anyMatch(line -> line.startsWith("id:")));
        assertThat(again).noneMatch(line -> line.equals("id:" + lastId));
    }

    @Test
    void aCustomerWhoClosesThePageIsLetGoWithoutAnErrorInTheLog(CapturedOutput output) {
        Api api = Api.at(port).asAdmin();
        String merchant = OrderFixtures.newMerchant(api);
        String order = OrderFixtures.created(api, OrderFixtures.order(merchant));
        List<String> lines = listen(order, links.token(order), null);
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream().anyMatch(line -> line.startsWith(":")));
        String handler = "io.orderkeep.platform.ProblemHandler";
        logging.setLogLevel(handler, LogLevel.DEBUG);
        try (var client = HttpClient.newHttpClient()) {
            // A connection of its own, closed for good, as a browser tab that is shut.
            var request = HttpRequest.newBuilder(uri(order, links.token(order))).header("Accept", "text/event-stream").build();
            client.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).join().body().close();
            client.shutdownNow();
            // Each change is a write to the dead connection; the second or third one fails at the socket.
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> {
                lifecycle.flagNeedsAttention(order, Change.of("operator:test", "test", "a change nobody reads"));
                return output.getOut().contains("client disconnected");
            });
        } finally {
            logging.setLogLevel(handler, null);
        }
        assertThat(output.getOut()).doesNotContain("unexpected error").doesNotContain("Failure in @ExceptionHandler");
    }

    @Test
    void aWrongOrMissingTokenOrAnUnknownOrderIsNotFound() {
        Api api = Api.at(port).asAdmin();
        String merchant = OrderFixtures.newMerchant(api);
        String order = OrderFixtures.created(api, OrderFixtures.order(merchant));
        String other = OrderFixtures.created(api, OrderFixtures.order(merchant));

        assertThat(status(order, "not-the-token")).isEqualTo(404);
        assertThat(status(order, links.token(other))).isEqualTo(404);
        assertThat(status(order, null)).isEqualTo(404);
        assertThat(status("ord_doesnotexist", links.token("ord_doesnotexist"))).isEqualTo(404);
        assertThat(status("ord_doesnotexist", "guess")).isEqualTo(404);
    }

    private int status(String orderId, String token) {
        var request = HttpRequest.newBuilder(uri(orderId, token)).header("Accept", "text/event-stream").build();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding()).join().statusCode();
    }

    private URI uri(String orderId, String token) {
        return URI.create("http://127.0.0.1:" + port + "/track/" + orderId + "/events"
                + (token == null ? "" : "?t=" + token));
    }

    private List<String> listen(String orderId, String token, String lastEventId) {
        return EventStreams.listen(HttpRequest.newBuilder(uri(orderId, token)), lastEventId, open);
    }
}
