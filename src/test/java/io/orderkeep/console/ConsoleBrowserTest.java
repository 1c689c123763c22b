package io.orderkeep.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.Orderkeep;
import io.orderkeep.access.ConsoleUsers;
import io.orderkeep.platform.Role;
import io.orderkeep.support.Api;
import io.orderkeep.support.Browser;
import io.orderkeep.support.TestDatabase;
import com.sun.net.httpserver.HttpServer;
import io.orderkeep.ops.metrics.BusinessMetrics;
import io.orderkeep.order.OrderFigures;
import io.orderkeep.order.domain.HopName;
import io.orderkeep.order.domain.OrderStatus;
import io.orderkeep.payment.internal.Watch;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.awaitility.Awaitility;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The console's core pages in real headless Chromium against a running Orderkeep and a real sandbox provider:
 * the dashboard shows the API's numbers, a payment whose notification the sandbox dropped is found in the unreturned
 * list and leaves it after "recheck" is clicked, a merchant user cannot open another merchant's order, and every page
 * renders in both languages with no missing message and no serious accessibility violation.
 */
@SpringBootTest(classes = Orderkeep.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
@Import(ConsoleWorld.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {

    static final String PASSWORD = "operator passphrase 1";

    @LocalServerPort
    int port;

    @Autowired
    ConsoleUsers users;
    @Autowired
    BusinessMetrics metrics;
    @Autowired
    Watch watch;

    Api admin;
    Browser browser;
    String operator;

    @DynamicPropertySource
    static void world(DynamicPropertyRegistry registry) {
        ConsoleWorld.properties(registry);
    }

    @BeforeAll
    void start() {
        admin = Api.at(port).asAdmin();
        operator = "op-" + UUID.randomUUID().toString().substring(0, 6);
        users.create(operator, PASSWORD, Role.OPERATOR, null, "test");
        browser = Browser.start(port);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void calm() {
        ConsoleWorld.faults("{}");
        browser.logout();
    }

    @Test
    void dashboardShowsTheApisNumbersInBothLanguages() {
        String merchant = ConsoleWorld.merchant(admin);
        ConsoleWorld.order(admin, merchant, 1200);
        ConsoleWorld.order(admin, merchant, 3400);
        JsonNode paid = ConsoleWorld.order(admin, merchant, 800);
        ConsoleWorld.pay(paid.path("payment").path("id").asString(), "SUCCEEDED");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() ->
                admin.get("/api/v1/orders/" + paid.path("id").asString()).json().path("status").asString().equals("PAID"));

        browser.login(operator, PASSWORD).open("/console?lang=en");
        assertThat(browser.text("#unreturned-orders")).isEqualTo(Integer.toString(apiCount("unreturned=true")));
        assertThat(browser.text("#status-PENDING_PAYMENT")).isEqualTo(Integer.toString(apiCount("status=PENDING_PAYMENT")));
        assertThat(Integer.parseInt(browser.text("#status-PENDING_PAYMENT"))).isGreaterThanOrEqualTo(2);
        assertThat(Integer.parseInt(browser.text("#waiting-sandbox"))).as("payments waiting for the sandbox").isPositive();
        long lagCount = admin.get("/api/v1/ops/notification-lag").json().path("data").valueStream()
                .filter(l -> l.path("provider").asString().equals("sandbox")).mapToLong(l -> l.path("count").asLong())
                .sum();
        assertThat(lagCount).as("the paid order's notification").isPositive();
        assertThat(browser.text("#lag-count-sandbox")).as("notification lag count").isEqualTo(Long.toString(lagCount));
        browser.await(d -> !d.findElements(By.cssSelector(".chart canvas")).isEmpty());
        browser.checkPage("dashboard-en");

        browser.open("/console?lang=zh-CN");
        assertThat(browser.text("h1")).isEqualTo("总览");
        browser.await(d -> !d.findElements(By.cssSelector(".chart canvas")).isEmpty());
        browser.checkPage("dashboard-zh-CN");

        // Live: a new order moves the figure and the 24-hour chart without a reload.
        String before = browser.text("#status-PENDING_PAYMENT");
        long charted = chartedCreated();
        ConsoleWorld.order(admin, merchant, 500);
        browser.await(d -> !d.findElement(By.cssSelector("#status-PENDING_PAYMENT")).getText().equals(before));
        assertThat(browser.text("#status-PENDING_PAYMENT")).isEqualTo(Integer.toString(apiCount("status=PENDING_PAYMENT")));
        browser.await(d -> chartedCreated() == charted + 1);
        browser.assertNoCspViolations();
        browser.open("/console?lang=en");
    }

    @Test
    void aDroppedNotificationIsUnreturnedUntilRecheckIsClicked() {
        String merchant = ConsoleWorld.merchant(admin);
        ConsoleWorld.faults("{\"dropNotify\": 1.0}");
        JsonNode order = ConsoleWorld.order(admin, merchant, 2500);
        String id = order.path("id").asString();
        ConsoleWorld.pay(order.path("payment").path("id").asString(), "SUCCEEDED");
        // The customer paid, the notification never came: once the payment hop is past due the order is unreturned.
        ConsoleWorld.CLOCK.advance(Duration.ofHours(2));
        assertThat(admin.get("/api/v1/orders/" + id).json().path("unreturned").asBoolean()).isTrue();

        browser.login(operator, PASSWORD).open("/console/unreturned?merchant=" + merchant);
        assertThat(browser.findAll("#row-" + id)).hasSize(1);
        assertThat(browser.text("#unreturned-count")).isEqualTo("1 unreturned order");
        browser.checkPage("unreturned-en");
        browser.open("/console/unreturned?merchant=" + merchant + "&lang=zh-CN");
        browser.checkPage("unreturned-zh-CN");
        browser.open("/console/unreturned?merchant=" + merchant + "&lang=en");

        browser.find("#row-" + id + " .recheck").click();
        browser.await(d -> d.findElements(By.id("row-" + id)).isEmpty());
        assertThat(browser.text("#flash")).contains("Asked the provider about 1 order.");
        assertThat(browser.text("#unreturned-count")).isEqualTo("No unreturned orders");
        JsonNode paid = admin.get("/api/v1/orders/" + id).json();
        assertThat(paid.path("status").asString()).isEqualTo("PAID");
        assertThat(admin.get("/api/v1/audit?actor=user:" + operator).json().path("data").toString())
                .contains("payment.succeeded");

        // The order page tells the story, with the raw payload of each recorded step on demand.
        browser.open("/console/orders/" + id);
        assertThat(browser.text("#order-status")).isEqualTo("Paid");
        assertThat(browser.findAll("#hops li")).isNotEmpty();
        browser.find("#audit-entries .raw-open").click();
        browser.await(d -> !d.findElements(By.cssSelector("#audit-entries pre.raw")).isEmpty());
        browser.checkPage("order-en");
        browser.open("/console/orders/" + id + "?lang=zh-CN");
        assertThat(browser.text("#order-status")).isEqualTo("已支付");
        browser.checkPage("order-zh-CN");
        browser.open("/console/orders?merchant=" + merchant + "&lang=en");
        assertThat(browser.findAll("#orders-list tbody tr")).hasSize(1);
        browser.checkPage("orders-en");
        browser.open("/console/orders?merchant=" + merchant + "&lang=zh-CN");
        browser.checkPage("orders-zh-CN");
        browser.open("/console/orders?lang=en");
    }

    @Test
    void tickedOrdersAreMarkedResolvedWithAReasonAndTheUsersName() {
        String merchant = ConsoleWorld.merchant(admin);
        String first = ConsoleWorld.order(admin, merchant, 700).path("id").asString();
        String second = ConsoleWorld.order(admin, merchant, 800).path("id").asString();
        ConsoleWorld.CLOCK.advance(Duration.ofHours(2));

        browser.login(operator, PASSWORD).open("/console/unreturned?merchant=" + merchant);
        assertThat(browser.text("#unreturned-count")).isEqualTo("2 unreturned orders");
        browser.find("#tick-" + first).click();
        browser.find("#tick-" + second).click();
        browser.find("#bulk-resolve").click();
        browser.awaitText("#flash [role=alert]", "reason");
        assertThat(browser.findAll("#row-" + first)).as("nothing resolved without a reason").hasSize(1);

        browser.find("#reason").sendKeys("customer paid by bank transfer");
        browser.find("#bulk-resolve").click();
        browser.await(d -> d.findElements(By.id("row-" + first)).isEmpty() && d.findElements(By.id("row-" + second)).isEmpty());
        assertThat(browser.text("#flash")).contains("Marked 2 orders resolved.");
        JsonNode history = admin.get("/api/v1/orders/" + first + "/history").json().path("data");
        JsonNode repaired = history.get(history.size() - 1);
        assertThat(repaired.path("type").asString()).isEqualTo("order.repaired");
        assertThat(repaired.path("actor").asString()).isEqualTo("user:" + operator);
        assertThat(repaired.path("source").asString()).isEqualTo("console");
        assertThat(repaired.path("reason").asString()).isEqualTo("customer paid by bank transfer");
        assertThat(admin.get("/api/v1/orders/" + second).json().path("unreturned").asBoolean()).isFalse();
    }

    @Test
    void aBulkActionGoesThroughEveryOrderAndReportsEachOne() {
        String merchant = ConsoleWorld.merchant(admin);
        String first = ConsoleWorld.order(admin, merchant, 710).path("id").asString();
        String second = ConsoleWorld.order(admin, merchant, 720).path("id").asString();
        String gone = "ord_gone_" + UUID.randomUUID().toString().substring(0, 6);
        ConsoleWorld.CLOCK.advance(Duration.ofHours(2));

        browser.login(operator, PASSWORD).open("/console/unreturned?merchant=" + merchant + "&lang=en");
        // A ticked order that cannot be acted on (gone, or another merchant's), ahead of the two that can.
        ((JavascriptExecutor) browser.driver()).executeScript("""
                var box = document.createElement('input');
                box.type = 'checkbox'; box.name = 'ids'; box.value = arguments[0]; box.checked = true; box.hidden = true;
                document.getElementById('bulk').prepend(box);""", gone);
        browser.find("#tick-" + first).click();
        browser.find("#tick-" + second).click();
        // Redeliver first: this merchant has no webhook endpoint, so nothing is sent, and the report says so.
        browser.find("#bulk-redeliver").click();
        browser.await(d -> !d.findElements(By.id("bulk-report")).isEmpty());
        assertThat(browser.find("#outcome-" + gone).getAttribute("data-result")).isEqualTo("REFUSED");
        assertThat(browser.text("#outcome-" + gone)).contains("refused: Not found.");
        assertThat(browser.find("#outcome-" + first).getAttribute("data-result")).isEqualTo("NOTHING");
        assertThat(browser.text("#outcome-" + second)).contains("nothing to send");
        assertThat(browser.text("#bulk-report")).contains("Nothing to send for 2 orders", "1 order was refused.")
                .doesNotContain("again.");
        assertThat(browser.find("#bulk-report").getAttribute("role")).isEqualTo("alert");

        // Recheck: the refusal first in line stops neither of the others.
        var report = browser.find("#bulk-report");
        browser.find("#bulk-recheck").click();
        browser.await(ExpectedConditions.stalenessOf(report));
        assertThat(browser.find("#outcome-" + gone).getAttribute("data-result")).isEqualTo("REFUSED");
        assertThat(browser.find("#outcome-" + first).getAttribute("data-result")).isEqualTo("DONE");
        assertThat(browser.find("#outcome-" + second).getAttribute("data-result")).isEqualTo("DONE");
        assertThat(browser.text("#bulk-report")).contains("Asked the provider about 2 orders.", "1 order was refused.");
        browser.checkPage("unreturned-bulk-report-en");
    }

    @Test
    void aMerchantUserCannotSeeAnotherMerchantsOrders() {
        String mine = ConsoleWorld.merchant(admin);
        String theirs = ConsoleWorld.merchant(admin);
        String own = ConsoleWorld.order(admin, mine, 800).path("id").asString();
        String other = ConsoleWorld.order(admin, theirs, 900).path("id").asString();
        String name = "shop-" + UUID.randomUUID().toString().substring(0, 6);
        users.create(name, PASSWORD, Role.MERCHANT, mine, "test");

        browser.login(name, PASSWORD).open("/console/orders/" + other);
        assertThat(browser.text("h1")).isEqualTo("That did not work");
        assertThat(browser.text("[role=alert]")).contains("Not found.");
        assertThat(browser.driver().getPageSource()).doesNotContain(theirs);

        browser.open("/console/orders");
        assertThat(browser.driver().getPageSource()).doesNotContain(theirs).contains(mine);
        browser.open("/console/orders/" + own);
        assertThat(browser.text("h1")).startsWith("Order ");
        assertThat(browser.findAll("#audit-entries")).as("a merchant may not read the audit trail").isEmpty();

        // Both orders overdue: the merchant's unreturned list and dashboard count its own only.
        ConsoleWorld.CLOCK.advance(Duration.ofHours(2));
        browser.open("/console/unreturned");
        assertThat(browser.findAll("#row-" + own)).hasSize(1);
        assertThat(browser.findAll("#row-" + other)).isEmpty();
        assertThat(browser.driver().getPageSource()).doesNotContain(theirs);
        browser.open("/console/unreturned?merchant=" + theirs);
        assertThat(browser.findAll("#row-" + other)).as("not even by asking for it").isEmpty();
        browser.open("/console");
        assertThat(figure("#unreturned-orders")).isEqualTo(apiCount("merchantId=" + mine + "&unreturned=true"))
                .isEqualTo(1);
        assertThat(figure("#status-PENDING_PAYMENT")).isEqualTo(apiCount("merchantId=" + mine)).isEqualTo(1);
        assertThat(figure("#hop-payment-1h_1d")).isEqualTo(1);
        assertThat(browser.findAll("#escalated")).as("no platform figures for a merchant").isEmpty();
    }


    @Test
    void theDashboardShowsEveryFigureAsTheApiAndTheMetricsReportIt() throws IOException {
        String merchant = ConsoleWorld.merchant(admin);
        // An order whose provider stops answering: a day on, its query schedule is exhausted and the watch escalates
        // it to a person. The payments earlier tests left are worked first, with the provider answering, so that the
        // watch's round while it does not answer asks about this one only.
        ConsoleWorld.CLOCK.advance(Duration.ofHours(25));
        workEveryDuePayment();
        String escalated = ConsoleWorld.order(admin, merchant, 1300).path("id").asString();
        ConsoleWorld.faults("{\"queryTimeout\": 1.0}");
        ConsoleWorld.CLOCK.advance(Duration.ofHours(25));
        assertThat(watch.runOnce()).as("payments the watch asked about").isEqualTo(1);
        ConsoleWorld.faults("{}");
        JsonNode flagged = admin.get("/api/v1/orders/" + escalated).json();
        assertThat(flagged.path("needsAttention").asBoolean()).as(flagged.toString()).isTrue();
        assertThat(admin.get("/api/v1/orders/" + escalated + "/history").json().path("data").valueStream()
                .map(e -> e.path("source").asString())).as("the watch's escalation in the order's history").contains("watch");

        String cancelled = ConsoleWorld.order(admin, merchant, 900).path("id").asString();
        assertThat(admin.post("/api/v1/orders/" + cancelled + "/cancel", Map.of("reason", "test")).status()).isLessThan(300);
        // A correctly signed notification of a payment for less than the order: never paid, flagged for a person.
        JsonNode shortPaid = ConsoleWorld.order(admin, merchant, 1400);
        var notified = ConsoleWorld.notifySucceeded(port, shortPaid.path("payment").path("id").asString(), 140);
        assertThat(notified.status()).as(notified.body()).isEqualTo(204);
        JsonNode mismatched = admin.get("/api/v1/orders/" + shortPaid.path("id").asString()).json();
        assertThat(mismatched.path("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(mismatched.path("needsAttention").asBoolean()).isTrue();
        ConsoleWorld.order(admin, merchant, 1000);
        ConsoleWorld.order(admin, merchant, 1100);
        // Two hours on, the unpaid orders' payment hops are overdue. Then endpoints: one answering 410 (disabled,
        // its delivery dead) and one nobody listens on (its delivery waits to be retried).
        ConsoleWorld.CLOCK.advance(Duration.ofHours(2));
        // Paid now, so that its notification falls in the lag's window, the last hour.
        JsonNode paid = ConsoleWorld.order(admin, merchant, 800);
        ConsoleWorld.pay(paid.path("payment").path("id").asString(), "SUCCEEDED");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                admin.get("/api/v1/orders/" + paid.path("id").asString()).json().path("status").asString().equals("PAID"));
        var gone = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        gone.createContext("/", exchange -> {
            exchange.sendResponseHeaders(410, -1);
            exchange.close();
        });
        gone.start();
        try {
            String goneId = endpoint(merchant, "http://127.0.0.1:" + gone.getAddress().getPort() + "/hook");
            String waitingId = endpoint(merchant, "http://127.0.0.1:1/hook");
            ConsoleWorld.order(admin, merchant, 1200);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "disabled".equals(
                    admin.get("/api/v1/webhook-endpoints/" + goneId).json().path("status").asString())
                    && !admin.get("/api/v1/deliveries?endpointId=" + waitingId + "&status=RETRYING").json()
                    .path("data").isEmpty());
        } finally {
            gone.stop(0);
        }

        metrics.refresh();
        String prometheus = Api.at(port).get("/actuator/prometheus").body();
        browser.login(operator, PASSWORD).open("/console?lang=en");

        assertThat(figure("#unreturned-orders")).isEqualTo(metric(prometheus, "orderkeep_orders_unreturned", ""))
                .isEqualTo(apiCount("unreturned=true")).isGreaterThanOrEqualTo(2);
        long unreturnedHops = 0;
        for (HopName hop : HopName.values()) {
            for (String age : OrderFigures.AGE_BUCKETS) {
                var cell = browser.findAll("#hop-" + hop.wireName() + "-" + age);
                long shown = cell.isEmpty() ? 0 : Long.parseLong(cell.getFirst().getText());
                assertThat(shown).as("unreturned " + hop + " " + age).isEqualTo(metric(prometheus,
                        "orderkeep_hops_unreturned", "hop=\"" + hop.wireName() + "\"", "age=\"" + age + "\""));
                unreturnedHops += shown;
            }
        }
        assertThat(figure("#hop-payment-1h_1d")).as("this test's two unpaid orders").isGreaterThanOrEqualTo(2);
        assertThat(unreturnedHops).isGreaterThanOrEqualTo(figure("#unreturned-orders"));
        for (OrderStatus status : OrderStatus.values()) {
            var cell = browser.findAll("#status-" + status.name());
            long shown = cell.isEmpty() ? 0 : Long.parseLong(cell.getFirst().getText());
            assertThat(shown).as(status.name()).isEqualTo(apiCount("status=" + status.name()))
                    .isEqualTo(metric(prometheus, "orderkeep_orders", "status=\"" + status.name() + "\""));
        }
        assertThat(figure("#status-PAID")).isPositive();
        assertThat(figure("#status-CANCELLED")).isPositive();
        assertThat(figure("#needing-attention")).isEqualTo(apiCount("needsAttention=true"))
                .isEqualTo(metric(prometheus, "orderkeep_orders_needing_attention", ""))
                .as("the escalated and the short-paid order").isGreaterThanOrEqualTo(2);
        assertThat(figure("#escalated"))
                .isEqualTo(metric(prometheus, "orderkeep_watch_outcomes", "outcome=\"escalated\""))
                .isPositive();
        assertThat(figure("#delivery-backlog")).isEqualTo(metric(prometheus, "orderkeep_delivery_backlog", ""))
                .isPositive();
        assertThat(figure("#dead-letters")).isEqualTo(metric(prometheus, "orderkeep_delivery_dead_letters", ""));
        assertThat(figure("#disabled-endpoints"))
                .isEqualTo(metric(prometheus, "orderkeep_delivery_endpoints_disabled", "")).isPositive();
        long lagCount = admin.get("/api/v1/ops/notification-lag").json().path("data").valueStream()
                .filter(l -> l.path("provider").asString().equals("sandbox")).mapToLong(l -> l.path("count").asLong())
                .sum();
        assertThat(figure("#lag-count-sandbox")).isEqualTo(lagCount).isPositive();
        browser.checkPage("dashboard-figures-en");
    }

    @Test
    void theConsoleSpeaksTheBrowsersLanguageUntilOneIsPickedAndSwitchingKeepsTheFilters() {
        String merchant = ConsoleWorld.merchant(admin);
        ConsoleWorld.order(admin, merchant, 600);
        try (Browser chinese = Browser.start(port, "zh-CN,zh")) {
            chinese.open("/console/login");
            assertThat(chinese.find("html").getAttribute("lang")).isEqualTo("zh-CN");
            chinese.login(operator, PASSWORD).open("/console");
            assertThat(chinese.text("h1")).isEqualTo("总览");
            chinese.open("/console/orders?lang=en");
            assertThat(chinese.text("h1")).isEqualTo("Orders");
            chinese.open("/console/unreturned");
            assertThat(chinese.find("html").getAttribute("lang")).as("the choice outlives the page").isEqualTo("en");
        }

        browser.login(operator, PASSWORD).open("/console/orders?merchant=" + merchant + "&status=PENDING_PAYMENT");
        assertThat(browser.findAll("#orders-list tbody tr")).hasSize(1);
        browser.find(".lang a[hreflang=zh-CN]").click();
        browser.await(d -> d.getCurrentUrl().contains("lang=zh-CN"));
        assertThat(browser.path()).contains("merchant=" + merchant, "status=PENDING_PAYMENT");
        assertThat(browser.findAll("#orders-list tbody tr")).as("still filtered").hasSize(1);
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("zh-CN");
        browser.open("/console");
        assertThat(browser.text("h1")).as("the choice sticks").isEqualTo("总览");
        browser.find(".lang a[hreflang=en]").click();
        browser.await(d -> d.getCurrentUrl().contains("lang=en"));
        assertThat(browser.text("h1")).isEqualTo("Dashboard");
    }

    @Test
    void aChineseReaderGetsRefusalsInChinese() {
        browser.login(operator, PASSWORD).open("/console/merchants?lang=zh-CN");
        assertThat(browser.text("[role=alert]")).isEqualTo("您的角色无权执行此操作。");
        browser.open("/console/orders/ord_does_not_exist");
        assertThat(browser.text("[role=alert]")).isEqualTo("未找到。");
        browser.assertNoMissingMessages();
        browser.open("/console?lang=en");
    }

    @Test
    void theOrderPageShowsTheMerchantsLocalTimeWithTheZoneNamed() {
        String merchant = ConsoleWorld.merchant(admin);
        JsonNode order = ConsoleWorld.order(admin, merchant, 700);
        Instant created = Instant.parse(order.path("createdAt").asString());
        String local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(created.atZone(ZoneId.of("Asia/Shanghai")));

        browser.login(operator, PASSWORD).open("/console/orders/" + order.path("id").asString() + "?lang=en");
        var time = browser.find("time[datetime]");
        assertThat(time.getText()).isEqualTo(local + " Asia/Shanghai");
        assertThat(Instant.parse(time.getAttribute("datetime"))).isEqualTo(created);
    }

    @Test
    void onlyAnAdminIsShownTheAdministrationPages() {
        String name = "admin-" + UUID.randomUUID().toString().substring(0, 6);
        users.create(name, PASSWORD, Role.ADMIN, null, "test");
        browser.login(operator, PASSWORD).open("/console?lang=en");
        assertThat(browser.findAll("nav a")).extracting(a -> a.getAttribute("id")).contains("nav-reconciliation")
                .doesNotContain("nav-merchants", "nav-keys", "nav-users");
        browser.logout().login(name, PASSWORD).open("/console");
        assertThat(browser.findAll("nav a")).extracting(a -> a.getAttribute("id"))
                .contains("nav-merchants", "nav-keys", "nav-users");
        String merchant = ConsoleWorld.merchant(admin);
        String shop = "shopnav-" + UUID.randomUUID().toString().substring(0, 6);
        users.create(shop, PASSWORD, Role.MERCHANT, merchant, "test");
        browser.logout().login(shop, PASSWORD).open("/console");
        assertThat(browser.findAll("nav a")).extracting(a -> a.getAttribute("id"))
                .contains("nav-orders").doesNotContain("nav-reconciliation", "nav-audit", "nav-merchants");
        List<String> shown = browser.findAll("nav a").stream().map(a -> a.getAttribute("href")).toList();
        for (String href : shown) {
            browser.driver().get(href);
            assertThat(browser.text("h1")).as("no link to a refusal: " + href).isNotEqualTo("That did not work");
        }
    }

    private long figure(String css) {
        return Long.parseLong(browser.text(css));
    }

    /** The sum of a metric's series whose labels contain every one of {@code labels}, 0 when it has none. */
    private static long metric(String prometheus, String name, String... labels) {
        double sum = 0;
        for (String line : prometheus.split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                String series = line.substring(0, line.lastIndexOf(' '));
                if (Arrays.stream(labels).allMatch(series::contains)) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        }
        return Math.round(sum);
    }

    /** Lets the watch work every payment check that is due now, round after round, until none is left. */
    private void workEveryDuePayment() {
        int rounds = 0;
        while (watch.runOnce() > 0) {
            assertThat(++rounds).as("rounds of the watch with payments still due").isLessThan(10);
        }
    }

    private String endpoint(String merchant, String url) {
        var created = admin.post("/api/v1/webhook-endpoints",
                Map.of("merchantId", merchant, "url", url, "events", List.of("order.created")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    /** Orders created as the 24-hour chart on the page now draws them. */
    private long chartedCreated() {
        Object sum = ((JavascriptExecutor) browser.driver()).executeScript("""
                var chart = window.echarts && echarts.getInstanceByDom(document.getElementById('orders-chart'));
                if (!chart || !chart.getOption()) { return -1; }
                return chart.getOption().series[0].data.reduce(function (a, b) { return a + b; }, 0);""");
        return ((Number) sum).longValue();
    }

    private int apiCount(String query) {
        return admin.get("/api/v1/orders?limit=200&" + query).json().path("data").size();
    }
}
