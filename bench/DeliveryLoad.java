import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Orders at a fixed rate (open loop: a new order every 1/RATE s, whatever the answers take), and every other order
 * cancelled right after it is created, so the receiver gets order.created (sent at once by the order-opening step)
 * and order.cancelled (sent by the dispatcher's timer). Prints {@code orders=N cancelled=C errors=E}.
 *
 * <p>Usage: {@code java bench/DeliveryLoad.java BASE_URL ADMIN_KEY MERCHANT_ID RATE SECONDS}
 */
public class DeliveryLoad {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String key = args[1];
        String merchant = args[2];
        double rate = Double.parseDouble(args[3]);
        int seconds = Integer.parseInt(args[4]);
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        var orders = new AtomicLong();
        var cancelled = new AtomicLong();
        var errors = new AtomicLong();
        String run = Long.toString(System.nanoTime(), 36);
        long total = Math.round(rate * seconds);
        long start = System.nanoTime();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; i < total; i++) {
                long due = start + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                long n = i;
                pool.submit(() -> {
                    try {
                        String body = """
                                {"merchantId":"%s","currency":"CNY",
                                 "items":[{"sku":"TEA-01","name":"Oolong 100g","quantity":2,"unitAmount":1250}],
                                 "customer":{"name":"Li Wei","email":"li.wei@example.com","locale":"zh-CN"}}""".formatted(merchant);
                        var created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/orders"))
                                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                                .header("Idempotency-Key", "dlv-bench-" + run + "-" + n)
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                        if (created.statusCode() != 201) {
                            errors.incrementAndGet();
                            return null;
                        }
                        orders.incrementAndGet();
                        if (n % 2 == 0) {
                            String id = created.body().replaceAll("(?s)^.*?\"id\"\\s*:\\s*\"([^\"]+)\".*$", "$1");
                            var cancel = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/orders/" + id + "/cancel"))
                                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"bench\"}")).build(),
                                    HttpResponse.BodyHandlers.discarding());
                            (cancel.statusCode() == 200 ? cancelled : errors).incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    return null;
                });
            }
        }
        System.out.printf("orders=%d cancelled=%d errors=%d seconds=%.1f%n", orders.get(), cancelled.get(), errors.get(),
                (System.nanoTime() - start) / 1e9);
    }
}
