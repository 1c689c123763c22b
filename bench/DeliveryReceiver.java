import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * The merchant's receiver for the delivery benchmark: answers every webhook 200 at once (no signature check: the
 * benchmark measures Orderkeep, not the receiver), and keeps for each request when it came, its webhook-id, its
 * event type and its event time. {@code GET /stats} prints one line:
 * {@code received=N distinct=D first_ms=… last_ms=… lag_p50_ms=… lag_p99_ms=… lag_max_ms=… created_p99_ms=… other_p99_ms=…}
 * (lag: reception minus the event's time); {@code POST /reset} forgets everything.
 *
 * <p>Usage: {@code java bench/DeliveryReceiver.java PORT}
 */
public class DeliveryReceiver {

    record Got(long atMs, String id, String type, long eventMs) {}

    static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern TIME = Pattern.compile("\"timestamp\"\\s*:\\s*\"([^\"]+)\"");
    static final List<Got> got = new ArrayList<>();

    public static void main(String[] args) throws IOException {
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 512);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", DeliveryReceiver::handle);
        server.start();
    }

    static void handle(HttpExchange exchange) throws IOException {
        long now = System.currentTimeMillis();
        String path = exchange.getRequestURI().getPath();
        byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
        if (path.equals("/stats")) {
            answer = stats().getBytes(StandardCharsets.UTF_8);
        } else if (path.equals("/reset")) {
            synchronized (got) {
                got.clear();
            }
        } else {
            String head = new String(exchange.getRequestBody().readNBytes(300), StandardCharsets.UTF_8);
            exchange.getRequestBody().readAllBytes();
            var type = TYPE.matcher(head);
            var time = TIME.matcher(head);
            long eventMs = time.find() ? Instant.parse(time.group(1)).toEpochMilli() : now;
            synchronized (got) {
                got.add(new Got(now, exchange.getRequestHeaders().getFirst("webhook-id"), type.find() ? type.group(1) : "?",
                        eventMs));
            }
        }
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    static String stats() {
        List<Got> all;
        synchronized (got) {
            all = List.copyOf(got);
        }
        if (all.isEmpty()) {
            return "received=0 distinct=0";
        }
        var ids = new HashSet<String>();
        all.forEach(g -> ids.add(g.id()));
        long first = all.stream().mapToLong(Got::atMs).min().orElseThrow();
        long last = all.stream().mapToLong(Got::atMs).max().orElseThrow();
        long[] lags = all.stream().mapToLong(g -> g.atMs() - g.eventMs()).sorted().toArray();
        long[] created = all.stream().filter(g -> g.type().equals("order.created"))
                .mapToLong(g -> g.atMs() - g.eventMs()).sorted().toArray();
        long[] other = all.stream().filter(g -> !g.type().equals("order.created"))
                .mapToLong(g -> g.atMs() - g.eventMs()).sorted().toArray();
        return "received=%d distinct=%d first_ms=%d last_ms=%d lag_p50_ms=%d lag_p99_ms=%d lag_max_ms=%d created_p99_ms=%d other_p99_ms=%d"
                .formatted(all.size(), ids.size(), first, last, pct(lags, 0.5), pct(lags, 0.99), pct(lags, 1.0),
                        pct(created, 0.99), pct(other, 0.99));
    }

    static long pct(long[] sorted, double p) {
        return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))];
    }
}
