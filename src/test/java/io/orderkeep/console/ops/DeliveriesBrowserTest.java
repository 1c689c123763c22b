package io.orderkeep.console.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderkeep.access.ConsoleUsers;
import io.orderkeep.console.ConsolePagesTest;
import io.orderkeep.order.OrderFixtures;
import io.orderkeep.platform.Role;
import io.orderkeep.support.Api;
import io.orderkeep.support.Browser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Dead letters replayed from the console, one and in bulk, until the merchant's (real, local) receiver has them;
 * the endpoints page with a 410-disabled endpoint first and the failing one's failure rate. Real headless Chromium.
 */
@ConsolePagesTest
class DeliveriesBrowserTest {

    static final String OPERATOR = "deliveries-operator";

    @LocalServerPort
    int port;
    @Autowired
    ConsoleUsers users;

    Api admin;
    WebhookReceiver receiver;
    Browser browser;

    @BeforeAll
    void start() {
        users.create(OPERATOR, ConsolePagesTest.PASSWORD, Role.OPERATOR, null, "test");
        admin = Api.at(port).asAdmin();
        receiver = WebhookReceiver.start();
        browser = Browser.start(port);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void deadLettersAreReplayedFromTheConsoleAndDelivered() {
        String merchant = OrderFixtures.newMerchant(admin);
        receiver.answer("/failing", 500);
        receiver.answer("/gone", 410);
        String failing = endpoint(merchant, "/failing");
        String gone = endpoint(merchant, "/gone");
        OrderFixtures.created(admin, OrderFixtures.order(merchant));
        OrderFixtures.created(admin, OrderFixtures.order(merchant));
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(failing, "DEAD").size() == 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> "disabled".equals(
                admin.get("/api/v1/webhook-endpoints/" + gone).json().path("status").asString()));
        List<String> dead = deliveries(failing, "DEAD");

        browser.logout().login(OPERATOR, ConsolePagesTest.PASSWORD);
        browser.open("/console/deliveries?endpointId=" + failing);
        assertThat(browser.findAll("tbody tr.dead")).hasSize(2);
        assertThat(browser.text("#row-" + dead.get(0))).contains("Dead letter", "HTTP 500");
        browser.checkPage("deliveries-en");

        receiver.answer("/failing", 200);
        browser.find("#row-" + dead.get(0) + " button.replay").click();
        browser.await(d -> !d.findElements(By.cssSelector("#row-" + dead.get(0) + " .ok")).isEmpty());
        assertThat(browser.text("#row-" + dead.get(0) + " .ok")).isEqualTo("Queued again");
        await().atMost(Duration.ofSeconds(30)).until(() -> status(dead.get(0)).equals("DELIVERED"));

        browser.open("/console/deliveries?endpointId=" + failing);
        browser.find("#pick-all").click();
        assertThat(browser.find("#pick-" + dead.get(1)).isSelected()).isTrue();
        browser.find("#replay-selected").click();
        browser.await(d -> !d.findElements(By.cssSelector("#results .notice")).isEmpty());
        assertThat(browser.text("#results .notice")).isEqualTo("1 delivery was sent back to the queue.");
        await().atMost(Duration.ofSeconds(30)).until(() -> status(dead.get(1)).equals("DELIVERED"));
        assertThat(receiver.received("/failing")).isEqualTo(6);

        browser.open("/console/deliveries?status=DELIVERED&endpointId=" + failing);
        assertThat(browser.findAll("tbody tr")).hasSize(2);
        var byOperator = admin.get("/api/v1/audit?actor=user:" + OPERATOR).json().path("data").valueStream().toList();
        assertThat(byOperator).extracting(e -> e.path("action").asString())
                .containsOnly("user.signed_in", "webhook_delivery.replayed");
        assertThat(byOperator).filteredOn(e -> e.path("action").asString().equals("webhook_delivery.replayed"))
                .extracting(e -> e.path("targetId").asString()).containsExactlyInAnyOrderElementsOf(dead);

        browser.open("/console/endpoints");
        var rows = browser.findAll("tbody tr");
        assertThat(rows.getFirst().getAttribute("id")).as("the disabled endpoint comes first").isEqualTo("endpoint-" + gone);
        assertThat(rows.getFirst().getAttribute("class")).contains("disabled");
        assertThat(browser.text("#endpoint-" + gone)).contains("Disabled", "410");
        assertThat(browser.text("#endpoint-" + failing)).contains("Enabled", "67% (4 of 6)");
        browser.checkPage("endpoints-en");
    }

    @Test
    void bothPagesRenderInChinese() {
        browser.logout().login(OPERATOR, ConsolePagesTest.PASSWORD);
        browser.open("/console/deliveries?lang=zh-CN");
        assertThat(browser.text("h1")).isEqualTo("投递");
        browser.checkPage("deliveries-zh-CN");
        browser.open("/console/endpoints");
        assertThat(browser.text("h1")).isEqualTo("端点");
        browser.checkPage("endpoints-zh-CN");
        browser.open("/console/endpoints?lang=en");
    }

    @Test
    void thePagesFitAPhoneScreen() {
        browser.logout().login(OPERATOR, ConsolePagesTest.PASSWORD);
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        try {
            for (String page : List.of("deliveries", "endpoints", "reconciliation", "audit")) {
                browser.open("/console/" + page + "?status=");
                Object overflow = ((JavascriptExecutor) browser.driver()).executeScript(
                        "var m = document.querySelector('main'); return m.scrollWidth - m.clientWidth;");
                assertThat(((Number) overflow).intValue()).as(page + " scrolls sideways only inside its tables")
                        .isLessThanOrEqualTo(0);
                browser.checkPage(page + "-phone");
            }
        } finally {
            browser.driver().manage().window().setSize(new Dimension(1280, 1400));
        }
    }

    @Test
    void anAuditorSeesDeadLettersButCannotReplay() {
        users.create("deliveries-auditor", ConsolePagesTest.PASSWORD, Role.AUDITOR, null, "test");
        browser.logout().login("deliveries-auditor", ConsolePagesTest.PASSWORD);
        browser.open("/console/deliveries?status=");
        assertThat(browser.text("h1")).isEqualTo("Deliveries");
        assertThat(browser.driver().findElements(By.cssSelector("button.replay"))).isEmpty();
    }

    @Test
    void aMerchantUserSeesOnlyItsOwnMerchantsDeliveriesAndEndpoints() {
        String other = OrderFixtures.newMerchant(admin);
        String othersEndpoint = endpoint(other, "/other");
        OrderFixtures.created(admin, OrderFixtures.order(other));
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(othersEndpoint, "DELIVERED").size() == 1);
        String own = OrderFixtures.newMerchant(admin);
        String ownEndpoint = endpoint(own, "/own");
        users.create("deliveries-merchant", ConsolePagesTest.PASSWORD, Role.MERCHANT, own, "test");

        browser.logout().login("deliveries-merchant", ConsolePagesTest.PASSWORD);
        browser.open("/console/deliveries?status=&endpointId=" + othersEndpoint);
        assertThat(browser.findAll("tbody tr")).isEmpty();
        browser.open("/console/endpoints");
        assertThat(browser.findAll("tbody tr")).extracting(row -> row.getAttribute("id"))
                .containsExactly("endpoint-" + ownEndpoint);
    }

    private String endpoint(String merchant, String path) {
        var created = admin.post("/api/v1/webhook-endpoints",
                Map.of("merchantId", merchant, "url", receiver.url(path), "events", List.of("order.created")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private List<String> deliveries(String endpoint, String status) {
        return admin.get("/api/v1/deliveries?endpointId=" + endpoint + "&status=" + status).json().path("data")
                .findValuesAsString("id");
    }

    private String status(String delivery) {
        return admin.get("/api/v1/deliveries/" + delivery).json().path("status").asString();
    }
}
