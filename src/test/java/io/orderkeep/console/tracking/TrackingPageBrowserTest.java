package io.orderkeep.console.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.Orderkeep;
import io.orderkeep.support.Browser;
import io.orderkeep.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

/**
 * The tracking page in real headless Chromium: it turns to "paid" by itself when the sandbox confirms the payment,
 * renders in both languages with every message found and no serious accessibility violation (desktop and mobile
 * width), and a wrong link shows the not-found page. Screenshots go to {@code target/screenshots/tracking-*.png}.
 */
@SpringBootTest(classes = Orderkeep.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrackingPageBrowserTest extends TrackingTestSupport {

    static final Dimension DESKTOP = new Dimension(1280, 1400);
    static final Dimension MOBILE = new Dimension(390, 844);

    Browser browser;

    @BeforeAll
    void start() {
        browser = Browser.start(port);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void turnsToPaidWithoutAReloadWhenTheSandboxConfirmsThePayment() {
        JsonNode order = newOrder("CNY", 1250, "en");
        browser.driver().manage().window().setSize(DESKTOP);
        openLive(trackingPath(order));
        assertThat(browser.text("#status")).isEqualTo("Waiting for payment");
        assertThat(browser.find("#pay").getAttribute("href")).isEqualTo(order.path("payment").path("payUrl").asString());
        // A mark on this very document: a reload would lose it.
        js().executeScript("document.documentElement.setAttribute('data-not-reloaded', 'yes')");

        pay(order, "SUCCEEDED");

        awaitText("#status", "Paid");
        assertThat(js().executeScript("return document.documentElement.getAttribute('data-not-reloaded')"))
                .isEqualTo("yes");
        assertThat(browser.text("#guidance h2")).isEqualTo("Paid — thank you");
        assertThat(browser.find("[data-step=payment]").getAttribute("data-state")).isEqualTo("done");
        assertThat(browser.text("#announce")).isEqualTo("Paid");
        assertThat(browser.findAll("#pay")).isEmpty();
        browser.checkPage("tracking-paid-en");
    }

    @Test
    void rendersInBothLanguagesAtDesktopAndMobileWidth() {
        JsonNode order = newOrder("CNY", 1250, "zh-CN");
        for (Dimension size : new Dimension[] {DESKTOP, MOBILE}) {
            String width = size == MOBILE ? "-mobile" : "";
            browser.driver().manage().window().setSize(size);

            openLive(trackingPath(order) + "&lang=zh-CN");
            assertThat(browser.find("html").getAttribute("lang")).isEqualTo("zh-CN");
            assertThat(browser.text("#status")).isEqualTo("等待付款");
            assertThat(browser.text("#guidance")).contains("请不要重复付款");
            assertThat(browser.text(".details")).contains("l***@example.com", "Asia/Shanghai")
                    .doesNotContain("li.wei@example.com");
            browser.checkPage("tracking-zh-CN" + width);

            openLive(trackingPath(order) + "&lang=en");
            assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
            assertThat(browser.text("#guidance")).contains("please do not pay again");
            assertThat(browser.text("#total")).contains("25.00");
            browser.checkPage("tracking-en" + width);
        }
        browser.driver().manage().window().setSize(DESKTOP);
    }

    @Test
    void aFailedPaymentShowsTryAgainInBothLanguages() {
        JsonNode order = newOrder("CNY", 990, "en");
        browser.driver().manage().window().setSize(DESKTOP);
        openLive(trackingPath(order) + "&lang=en");
        pay(order, "FAILED");
        awaitText("#guidance h2", "Payment failed: try again");
        assertThat(browser.find("[data-step=payment]").getAttribute("data-state")).isEqualTo("failed");
        browser.checkPage("tracking-payment-failed-en");

        browser.find("#retry button").click();
        awaitText("#guidance h2", "Waiting for your payment");
        assertThat(browser.find("#pay").getAttribute("href"))
                .isEqualTo(order(order.path("id").asString()).path("payment").path("payUrl").asString());

        openLive(trackingPath(order) + "&lang=zh-CN");
        assertThat(browser.text("#guidance h2")).isEqualTo("等待您付款");
        browser.checkPage("tracking-retried-zh-CN");
    }

    @Test
    void aWrongLinkShowsTheNotFoundPage() {
        JsonNode order = newOrder("CNY", 1250, "en");
        browser.open("/track/" + order.path("id").asString() + "?t=not-the-token&lang=en");
        assertThat(browser.text("h1")).isEqualTo("Order not found");
        browser.checkPage("tracking-not-found-en");
        browser.open("/track/" + order.path("id").asString() + "?t=not-the-token&lang=zh-CN");
        assertThat(browser.text("h1")).isEqualTo("找不到订单");
        browser.checkPage("tracking-not-found-zh-CN");
    }

    /** Opens a tracking page and waits until its live stream is open and the page current. */
    private void openLive(String path) {
        browser.open(path);
        browser.await(driver -> !driver.findElements(By.cssSelector("#main[data-live=ready]")).isEmpty());
    }

    /** Waits for {@code text} in {@code css}; the live swap replaces elements, so one found may go stale at once. */
    private void awaitText(String css, String text) {
        browser.await(driver -> {
            try {
                return driver.findElements(By.cssSelector(css)).stream().anyMatch(e -> e.getText().contains(text));
            } catch (StaleElementReferenceException swapped) {
                return false;
            }
        });
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) browser.driver();
    }
}
