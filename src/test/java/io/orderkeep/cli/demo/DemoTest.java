package io.orderkeep.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.support.Api;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The demo end to end, in this JVM: the real Orderkeep on SQLite, the real sandbox with its faults, the receiver and
 * the customers, ten times faster than the demo's own compressed schedule. Before the servers stop, the test reads
 * the API (and the sandbox's own ledger) itself and checks the printed summary against it.
 */
class DemoTest {

    private static final Set<String> RESULTS = Set.of("order.paid", "order.payment_failed", "order.expired", "order.cancelled");

    @TempDir
    Path dir;

    /**
     * What the API and the sandbox said, read independently of the demo's own reader. {@code struck}: per customer
     * (the order's merchantOrderRef), the faults that struck it — each status change's notification dropped or how
     * many copies were sent, the fail-after-charge answers, and the webhooks the merchant acknowledged only when
     * delivered again.
     */
    record Truth(List<JsonNode> orders, Map<String, String> paymentSource, List<JsonNode> deliveries,
            List<JsonNode> sandboxPayments, JsonNode reconciliation, JsonNode audit, int consoleSignIn,
            Map<String, String> struck) {

        long count(java.util.function.Predicate<JsonNode> test) {
            return orders.stream().filter(test).count();
        }
    }

    @Test
    void everyOrderComesBackUnderTheDefaultFaultsAndTheSummarySaysWhatTheApiSays() throws Exception {
        var out = new StringWriter();
        var truth = new AtomicReference<Truth>();

        var outcome = new Demo(settings(FaultLevel.DEFAULT, 20, 42), new PrintWriter(out, true))
                .run(servers -> truth.set(read(servers, out.toString())));

        String summary = out.toString();
        System.out.println(summary);
        Truth api = truth.get();
        assertThat(outcome.success()).as(summary).isTrue();
        assertThat(summary).contains("Every order came back and the audit chain verifies.")
                .contains("Compressed schedule for the demo").contains("/track/ord_");
        assertThat(api.orders()).hasSize(20);
        assertThat(api.consoleSignIn()).as("the printed console login works").isEqualTo(302);
        assertThat(figure(summary, "orders placed")).isEqualTo(20);
        long paid = api.count(o -> o.path("status").asString().equals("PAID"));
        assertThat(figure(summary, "orders paid")).isEqualTo(paid);
        assertThat(figure(summary, "orders expired")).isEqualTo(api.count(o -> o.path("status").asString().equals("EXPIRED")));
        assertThat(paid + figure(summary, "orders expired")).as("every order paid or expired").isEqualTo(20);
        assertThat(api.count(o -> o.path("unreturned").asBoolean() || o.path("needsAttention").asBoolean())).isZero();
        assertThat(figure(summary, "unreturned at the end")).isZero();
        assertThat(figure(summary, "needs attention")).isZero();

        assertThat(hop(summary, "payment")).isEqualTo("20/20");
        assertThat(hop(summary, "merchant")).isEqualTo("20/20");
        assertThat(hop(summary, "settlement")).isEqualTo(paid + "/" + paid);
        for (String source : List.of("notification", "query", "reconciliation")) {
            assertThat(way(summary, "by " + source)).as(source)
                    .isEqualTo(api.paymentSource().values().stream().filter(source::equals).count());
        }
        assertThat(way(summary, "expired unpaid"))
                .isEqualTo(api.paymentSource().values().stream().filter("expiry"::equals).count());
        assertThat(figure(summary, "found by query")).isEqualTo(way(summary, "by query"));
        assertThat(figure(summary, "redelivered")).isEqualTo(api.deliveries().stream()
                .filter(d -> d.path("status").asString().equals("DELIVERED") && d.path("attemptCount").asInt() > 1).count());
        assertThat(figure(summary, "dead letters")).isZero();
        assertThat(figure(summary, "rows matched")).isEqualTo(api.reconciliation().path("counts").path("MATCHED").asLong())
                .isEqualTo(paid);
        assertThat(figure(summary, "discrepancies found")).isZero();
        assertThat(figure(summary, "discrepancies repaired")).isEqualTo(api.reconciliation().path("repaired").asLong());
        assertThat(figure(summary, "latest payment failed")).as("customers whose card was declined")
                .isEqualTo(api.count(o -> o.path("payment").path("status").asString().equals("FAILED")));
        assertThat(api.audit().path("ok").asBoolean()).isTrue();

        // p50 and p99 of each hop, worked out here from the API's hops and delivery attempts.
        assertThat(times(summary, "  payment")).isEqualTo(percentiles(api.orders().stream()
                .filter(o -> hopState(o, "payment").equals("RETURNED"))
                .map(o -> between(o.path("createdAt"), hopNode(o, "payment").path("returnedAt"))).toList()));
        assertThat(times(summary, "  settlement")).isEqualTo(percentiles(api.orders().stream()
                .filter(o -> hopState(o, "settlement").equals("RETURNED"))
                .map(o -> between(o.path("createdAt"), hopNode(o, "settlement").path("returnedAt"))).toList()));
        assertThat(times(summary, "  merchant")).isEqualTo(percentiles(api.orders().stream()
                .filter(o -> hopState(o, "merchant").equals("RETURNED"))
                .map(o -> slowestDelivery(api.deliveries(), o.path("id").asString())).toList()));

        // The sandbox's own ledger: exactly the orders Orderkeep holds as paid were charged.
        Set<String> charged = api.sandboxPayments().stream().filter(p -> p.path("status").asString().equals("SUCCEEDED"))
                .map(p -> p.path("outTradeNo").asString()).collect(Collectors.toSet());
        assertThat(charged).isEqualTo(api.orders().stream().filter(o -> o.path("status").asString().equals("PAID"))
                .map(o -> o.path("payment").path("id").asString()).collect(Collectors.toSet()));
    }

    @Test
    void underHarshFaultsWhatCannotBeRepairedEndsFlaggedAndReported() throws Exception {
        var out = new StringWriter();
        var truth = new AtomicReference<Truth>();

        // Seed 38 has customers whose payment notification is dropped and whose first eight queries all time out:
        // the fault dice are keyed by customer, so that holds in every run.
        var outcome = new Demo(settings(FaultLevel.HARSH, 16, 38), new PrintWriter(out, true))
                .run(servers -> truth.set(read(servers, out.toString())));

        String summary = out.toString();
        System.out.println(summary);
        Truth api = truth.get();
        List<JsonNode> notBack = api.orders().stream().filter(o -> !cameBack(o)).toList();
        assertThat(notBack).as("never silently lost: every order that did not come back is flagged\n" + summary)
                .allMatch(o -> o.path("needsAttention").asBoolean());
        assertThat(figure(summary, "unreturned at the end")).isEqualTo(notBack.size());
        notBack.forEach(o -> assertThat(summary).contains(o.path("id").asString() + "  "));
        assertThat(summary).doesNotContain("NOT FLAGGED");
        long flagged = api.count(o -> o.path("needsAttention").asBoolean());
        assertThat(flagged).as("at least one order needed a person: the case this test is about\n" + summary)
                .isPositive();
        assertThat(figure(summary, "needs attention")).isEqualTo(flagged);
        api.orders().stream().filter(o -> o.path("needsAttention").asBoolean())
                .forEach(o -> assertThat(summary).contains(o.path("id").asString()));
        assertThat(outcome.success()).as("exit 0 only if every order came back").isEqualTo(notBack.isEmpty());
        assertThat(figure(summary, "found by query") + figure(summary, "redelivered")).as("the faults bit").isPositive();
        assertThat(figure(summary, "discrepancies repaired")).isEqualTo(api.reconciliation().path("repaired").asLong());

        // No money the sandbox took is unaccounted for: its order is paid, or a person has been asked to look. The
        // sandbox knows each payment's order by the reference Orderkeep gave it (the order's merchantOrderRef).
        Map<String, JsonNode> byRef = api.orders().stream()
                .collect(Collectors.toMap(o -> o.path("merchantOrderRef").asString(), o -> o));
        api.sandboxPayments().stream().filter(p -> p.path("status").asString().equals("SUCCEEDED")).forEach(p -> {
            JsonNode order = byRef.get(p.path("reference").asString());
            assertThat(order).as("the sandbox charged %s (outTradeNo %s, reference %s), which is no order's payment",
                    p.path("providerRef").asString(), p.path("outTradeNo").asString(), p.path("reference")).isNotNull();
            assertThat(order.path("status").asString().equals("PAID") || order.path("needsAttention").asBoolean())
                    .as("charged, so paid or flagged: " + order).isTrue();
        });
    }

    @Test
    void theSameSeedStrikesTheSameCustomersWithTheSameFaults() throws Exception {
        var first = new AtomicReference<Truth>();
        var second = new AtomicReference<Truth>();
        var out = new StringWriter();

        new Demo(settings(FaultLevel.DEFAULT, 10, 5, dir.resolve("first")), new PrintWriter(out, true))
                .run(servers -> first.set(read(servers, out.toString())));
        var again = new StringWriter();
        new Demo(settings(FaultLevel.DEFAULT, 10, 5, dir.resolve("second")), new PrintWriter(again, true))
                .run(servers -> second.set(read(servers, again.toString())));

        assertThat(second.get().struck()).as("run 1:\n" + out + "\nrun 2:\n" + again)
                .isEqualTo(first.get().struck());
        assertThat(first.get().struck().values()).as("some faults struck").anyMatch(f -> f.contains("DROPPED")
                || f.contains("copies=2") || f.contains("redelivered") || f.contains("answered 500"));
    }

    private DemoSettings settings(FaultLevel faults, int orders, long seed) {
        return settings(faults, orders, seed, dir.resolve("demo"));
    }

    private DemoSettings settings(FaultLevel faults, int orders, long seed, Path data) {
        return new DemoSettings(orders, Duration.ofSeconds(2), faults, seed, false, 10, data, 0, 0, 0, false);
    }

    private static boolean cameBack(JsonNode order) {
        Map<String, String> hops = new HashMap<>();
        order.path("hops").forEach(h -> hops.put(h.path("hop").asString(), h.path("state").asString()));
        Set<String> settled = Set.of("RETURNED", "SKIPPED");
        return !order.path("unreturned").asBoolean() && settled.contains(hops.get("payment"))
                && settled.contains(hops.get("merchant"))
                && (!order.path("status").asString().equals("PAID") || "RETURNED".equals(hops.get("settlement")));
    }

    private static Truth read(Demo.Servers servers, String summary) {
        var api = new Api(servers.orderkeep(), servers.adminKey(), Map.of());
        var orders = list(api.get("/api/v1/orders?limit=200").json());
        var sources = new HashMap<String, String>();
        for (JsonNode order : orders) {
            String id = order.path("id").asString();
            list(api.get("/api/v1/orders/" + id + "/history").json()).stream()
                    .filter(e -> RESULTS.contains(e.path("type").asString())).findFirst()
                    .filter(e -> hopState(order, "payment").equals("RETURNED"))
                    .ifPresent(e -> sources.put(id, e.path("type").asString().equals("order.expired")
                            ? "expiry" : e.path("source").asString()));
        }
        Matcher run = Pattern.compile("\\((rec_[0-9A-Z]+)\\)").matcher(summary);
        assertThat(run.find()).as(summary).isTrue();
        var sandbox = new Api(servers.sandbox(), null, Map.of());
        var deliveries = list(api.get("/api/v1/deliveries?limit=200").json());
        var payments = list(sandbox.get("/v1/payments?limit=200").json());
        return new Truth(orders, sources, deliveries, payments,
                api.get("/api/v1/reconciliations/" + run.group(1)).json(), api.get("/api/v1/audit/verify").json(),
                signIn(servers.orderkeep(), summary), struck(orders, deliveries, payments, sandbox));
    }

    /** Per customer, the faults that struck: see {@link Truth}. Times and counts of queries are left out (timing). */
    private static Map<String, String> struck(List<JsonNode> orders, List<JsonNode> deliveries, List<JsonNode> payments,
            Api sandbox) {
        Map<String, String> refOf = orders.stream().collect(Collectors.toMap(o -> o.path("id").asString(),
                o -> o.path("merchantOrderRef").asString()));
        var faults = new java.util.TreeMap<String, List<String>>();
        for (JsonNode payment : payments) {
            var copies = new java.util.TreeMap<String, List<String>>();
            for (JsonNode copy : sandbox.get("/v1/payments/" + payment.path("providerRef").asString() + "/notifications")
                    .json().path("data")) {
                String status = Api.JSON.readTree(copy.path("body").asString()).path("status").asString();
                copies.computeIfAbsent(status, k -> new java.util.ArrayList<>()).add(copy.path("state").asString());
            }
            copies.forEach((status, states) -> faults.computeIfAbsent(payment.path("reference").asString(),
                    k -> new java.util.ArrayList<>()).add(status + (states.contains("DROPPED") ? " DROPPED"
                            : " copies=" + states.size())));
        }
        for (JsonNode delivery : deliveries) {
            if (delivery.path("attemptCount").asInt() > 1) {
                faults.computeIfAbsent(refOf.get(delivery.path("orderId").asString()), k -> new java.util.ArrayList<>())
                        .add(delivery.path("eventType").asString() + " redelivered");
            }
        }
        var struck = new java.util.TreeMap<String, String>();
        faults.forEach((ref, list) -> struck.put(ref, String.join(", ", list.stream().sorted().toList())));
        return struck;
    }

    /** Signs in to the console with the login the demo printed; answers the status of the form's POST. */
    private static int signIn(String orderkeep, String summary) {
        Matcher login = Pattern.compile("log in as (\\S+) / (\\S+)\\)").matcher(summary);
        assertThat(login.find()).as("a console login in\n" + summary).isTrue();
        try (var http = java.net.http.HttpClient.newHttpClient()) {
            var form = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(orderkeep + "/console/login")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            String cookie = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                    .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
            Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
            assertThat(csrf.find()).as(form.body()).isTrue();
            String body = "username=" + enc(login.group(1)) + "&password=" + enc(login.group(2)) + "&_csrf=" + enc(csrf.group(1));
            var signedIn = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(orderkeep + "/console/login"))
                    .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            assertThat(signedIn.headers().firstValue("Location")).as("signed in, not sent back to the form")
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/console"));
            return signedIn.statusCode();
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError("console sign-in failed", e);
        }
    }

    /** The p50 and p99 printed on a hop line {@code "  payment   20/20  1.5s  5.3s"}. */
    private static String times(String summary, String hopLine) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(hopLine) + "\\s+\\d+/\\d+\\s+(\\S+)\\s+(\\S+)$")
                .matcher(summary);
        assertThat(m.find()).as(hopLine + " in\n" + summary).isTrue();
        return m.group(1) + " " + m.group(2);
    }

    /** Nearest-rank p50 and p99, printed as the summary prints times. */
    private static String percentiles(List<Duration> times) {
        if (times.isEmpty()) {
            return "- -";
        }
        List<Duration> sorted = times.stream().sorted().toList();
        return Summary.time(sorted.get((int) Math.ceil(0.5 * sorted.size()) - 1)) + " "
                + Summary.time(sorted.get((int) Math.ceil(0.99 * sorted.size()) - 1));
    }

    private static Duration between(JsonNode from, JsonNode to) {
        return Duration.between(java.time.Instant.parse(from.asString()), java.time.Instant.parse(to.asString()));
    }

    /** The merchant hop's time of one order: its slowest event, from the event to the merchant's 2xx. */
    private static Duration slowestDelivery(List<JsonNode> deliveries, String orderId) {
        return deliveries.stream().filter(d -> d.path("orderId").asString().equals(orderId)).map(d -> {
            JsonNode ok = null;
            for (JsonNode attempt : d.path("attempts")) {
                if (attempt.path("statusCode").asInt(0) / 100 == 2) {
                    ok = attempt;
                }
            }
            return ok == null ? null : between(d.path("createdAt"), ok.path("at"))
                    .plusMillis(ok.path("latencyMs").asLong());
        }).filter(java.util.Objects::nonNull).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    private static JsonNode hopNode(JsonNode order, String hop) {
        for (JsonNode h : order.path("hops")) {
            if (h.path("hop").asString().equals(hop)) {
                return h;
            }
        }
        throw new AssertionError("order " + order.path("id").asString() + " has no " + hop + " hop");
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String hopState(JsonNode order, String hop) {
        for (JsonNode h : order.path("hops")) {
            if (h.path("hop").asString().equals(hop)) {
                return h.path("state").asString();
            }
        }
        return "";
    }

    private static List<JsonNode> list(JsonNode page) {
        assertThat(page.path("nextCursor").isNull()).as("one page holds it all").isTrue();
        return StreamSupport.stream(page.path("data").spliterator(), false).toList();
    }

    /** The number on a summary line {@code "name:   42"}. */
    private static long figure(String summary, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + ":\\s+(\\d+)").matcher(summary);
        assertThat(m.find()).as(name + " in\n" + summary).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** The orders of a way line {@code "    by query   7  1.9s  5.3s"}. */
    private static long way(String summary, String how) {
        Matcher m = Pattern.compile("(?m)^    " + Pattern.quote(how) + "\\s+(\\d+)").matcher(summary);
        assertThat(m.find()).as(how + " in\n" + summary).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** {@code returned/expected} of a hop line {@code "  payment   20/20  1.5s  5.3s"}. */
    private static String hop(String summary, String hop) {
        Matcher m = Pattern.compile("(?m)^  " + Pattern.quote(hop) + "\\s+(\\d+/\\d+)").matcher(summary);
        assertThat(m.find()).as(hop + " in\n" + summary).isTrue();
        return m.group(1);
    }
}
