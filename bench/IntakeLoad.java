import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Order intake load: C concurrent clients each create orders over HTTP, one after the other, for D seconds, against
 * a running Orderkeep. Prints one line: {@code orders=N seconds=S rate=R p50_ms=… p99_ms=… errors=E}.
 *
 * <p>Usage: {@code java bench/IntakeLoad.java BASE_URL ADMIN_KEY MERCHANT_ID CLIENTS SECONDS [WARMUP_SECONDS]}
 */
public class IntakeLoad {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String key = args[1];
        String merchant = args[2];
        int clients = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        int warmup = args.length > 5 ? Integer.parseInt(args[5]) : 5;
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        String run = Long.toString(System.nanoTime(), 36);

        run(http, base, key, merchant, clients, warmup, run + "w", false);
        var result = run(http, base, key, merchant, clients, seconds, run, true);
        System.out.println(result);
    }

    static String run(HttpClient http, String base, String key, String merchant, int clients, int seconds,
            String run, boolean measure) throws Exception {
        var latencies = new AtomicLongArray(1 << 22);
        var count = new AtomicLong();
        var errors = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long start = System.nanoTime();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                int client = c;
                pool.submit(() -> {
                    for (int i = 0; System.nanoTime() < end; i++) {
                        String body = """
                                {"merchantId":"%s","currency":"CNY",
                                 "items":[{"sku":"TEA-01","name":"Oolong 100g","quantity":2,"unitAmount":1250}],
                                 "customer":{"name":"Li Wei","email":"li.wei@example.com","phone":"+8613800138000","locale":"zh-CN"},
                                 "shippingAddress":{"country":"CN","city":"Hangzhou","line1":"1 West Lake Rd","postalCode":"310000"},
                                 "metadata":{"channel":"bench"}}""".formatted(merchant);
                        var request = HttpRequest.newBuilder(URI.create(base + "/api/v1/orders"))
                                .header("Authorization", "Bearer " + key)
                                .header("Content-Type", "application/json")
                                .header("Idempotency-Key", "bench-" + run + "-" + client + "-" + i)
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                        long t0 = System.nanoTime();
                        try {
                            var response = http.send(request, HttpResponse.BodyHandlers.discarding());
                            long micros = (System.nanoTime() - t0) / 1000;
                            if (response.statusCode() == 201) {
                                long n = count.getAndIncrement();
                                if (n < latencies.length()) {
                                    latencies.set((int) n, micros);
                                }
                            } else {
                                errors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        int n = (int) Math.min(count.get(), latencies.length());
        long[] sorted = new long[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = latencies.get(i);
        }
        Arrays.sort(sorted);
        double p50 = n == 0 ? 0 : sorted[n / 2] / 1000.0;
        double p99 = n == 0 ? 0 : sorted[Math.min(n - 1, (int) (n * 0.99))] / 1000.0;
        return "orders=%d seconds=%.1f rate=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d"
                .formatted(count.get(), elapsed, count.get() / elapsed, p50, p99, errors.get());
    }
}
