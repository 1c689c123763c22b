package io.orderkeep.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.Orderkeep;
import io.orderkeep.access.ConsoleUsers;
import io.orderkeep.platform.Role;
import io.orderkeep.support.Api;
import io.orderkeep.support.Browser;
import io.orderkeep.support.TestDatabase;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
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
        browser.await(d -> !d.findElements(By.cssSelector(".chart svg")).isEmpty());
        browser.checkPage("dashboard-en");

        browser.open("/console?lang=zh-CN");
        assertThat(browser.text("h1")).isEqualTo("总览");
        browser.await(d -> !d.findElements(By.cssSelector(".chart svg")).isEmpty());
        browser.checkPage("dashboard-zh-CN");

        // Live: a new order moves the figure without a reload.
        String before = browser.text("#status-PENDING_PAYMENT");
        ConsoleWorld.order(admin, merchant, 500);
        browser.await(d -> !d.findElement(By.cssSelector("#status-PENDING_PAYMENT")).getText().equals(before));
        assertThat(browser.text("#status-PENDING_PAYMENT")).isEqualTo(Integer.toString(apiCount("status=PENDING_PAYMENT")));
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
    }

    private int apiCount(String query) {
        return admin.get("/api/v1/orders?limit=200&" + query).json().path("data").size();
    }
}
