package io.orderkeep.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** Opens a Server-Sent Events stream over real HTTP and collects its lines as they come, for the stream tests. */
final class EventStreams {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private EventStreams() {}

    /**
     * Sends {@code request} (with {@code Last-Event-ID} when given), checks it is answered 200 as an event stream,
     * and answers the lines received so far, growing as more arrive; the stream is added to {@code open} for the
     * test to close. A stream the server ends adds the line {@code closed}.
     */
    static List<String> listen(HttpRequest.Builder request, String lastEventId, List<Stream<String>> open) {
        request.header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        var lines = new CopyOnWriteArrayList<String>();
        HttpResponse<Stream<String>> response = HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
                .join();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
        open.add(response.body());
        Thread.ofVirtual().start(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (java.io.UncheckedIOException closed) {
                lines.add("closed");
            }
        });
        return lines;
    }
}
