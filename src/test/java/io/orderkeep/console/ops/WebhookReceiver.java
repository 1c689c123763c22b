package io.orderkeep.console.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A merchant's webhook receiver: a real local HTTP server whose answer per path the test switches (500, 410, 200). */
final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, Integer> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    static WebhookReceiver start() {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
            var receiver = new WebhookReceiver(server);
            server.createContext("/", receiver::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void answer(String path, int status) {
        answers.put(path, status);
    }

    int received(String path) {
        return received.getOrDefault(path, new AtomicInteger()).get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        exchange.getRequestBody().readAllBytes();
        received.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        exchange.sendResponseHeaders(answers.getOrDefault(path, 200), -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
