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

    /** What the API and the sandbox said, read independently of the demo's own reader. */
    record Truth(List<JsonNode> orders, Map<String, String> paymentSource, List<JsonNode> deliveries,
            List<JsonNode> sandboxPayments, JsonNode reconciliation, JsonNode audit, int consoleSignIn) {

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
        assertThat(api.audit().path("ok").asBoolean()).isTrue();

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

        var outcome = new Demo(settings(FaultLevel.HARSH, 16, 7), new PrintWriter(out, true))
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
        assertThat(figure(summary, "needs attention")).isEqualTo(flagged);
        api.orders().stream().filter(o -> o.path("needsAttention").asBoolean())
                .forEach(o -> assertThat(summary).contains(o.path("id").asString()));
        assertThat(outcome.success()).as("exit 0 only if every order came back").isEqualTo(notBack.isEmpty());
        assertThat(figure(summary, "found by query") + figure(summary, "redelivered")).as("the faults bit").isPositive();
        assertThat(figure(summary, "discrepancies repaired")).isEqualTo(api.reconciliation().path("repaired").asLong());

        // No money the sandbox took is unaccounted for: its order is paid, or a person has been asked to look.
        Map<String, JsonNode> byPayment = api.orders().stream()
                .collect(Collectors.toMap(o -> o.path("payment").path("id").asString(), o -> o, (a, b) -> a));
        api.sandboxPayments().stream().filter(p -> p.path("status").asString().equals("SUCCEEDED"))
                .map(p -> byPayment.get(p.path("outTradeNo").asString()))
                .forEach(order -> assertThat(order.path("status").asString().equals("PAID")
                        || order.path("needsAttention").asBoolean()).as(order.toString()).isTrue());
    }

    private DemoSettings settings(FaultLevel faults, int orders, long seed) {
        return new DemoSettings(orders, Duration.ofSeconds(2), faults, seed, false, 10, dir.resolve("demo"), 0, 0, 0,
                false);
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
        return new Truth(orders, sources, list(api.get("/api/v1/deliveries?limit=200").json()),
                list(new Api(servers.sandbox(), null, Map.of()).get("/v1/payments?limit=200").json()),
                api.get("/api/v1/reconciliations/" + run.group(1)).json(), api.get("/api/v1/audit/verify").json(),
                signIn(servers.orderkeep(), summary));
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
