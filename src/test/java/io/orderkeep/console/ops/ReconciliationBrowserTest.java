package io.orderkeep.console.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.access.ConsoleUsers;
import io.orderkeep.console.ConsolePagesTest;
import io.orderkeep.platform.Role;
import io.orderkeep.support.Api;
import io.orderkeep.support.Browser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A sandbox settlement file uploaded from the console: the progress bar while the run goes on, then its counts and
 * chart; a discrepancy resolved from the page and audited under the user's name; the audit page's search and chain
 * verification. Real headless Chromium.
 */
@ConsolePagesTest
class ReconciliationBrowserTest {

    static final String OPERATOR = "rec-operator";
    /** Enough rows, in batches of 20, that the run is still going when the browser shows its page. */
    static final int UNKNOWN_PAYMENTS = 3000;

    @LocalServerPort
    int port;
    @Autowired
    ConsoleUsers users;

    Browser browser;

    @BeforeAll
    void start() {
        users.create(OPERATOR, ConsolePagesTest.PASSWORD, Role.OPERATOR, null, "test");
        browser = Browser.start(port);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anUploadShowsProgressThenCountsAndAResolutionIsAuditedWithTheUsersName() throws IOException {
        Path file = settlementFile();
        browser.logout().login(OPERATOR, ConsolePagesTest.PASSWORD);
        browser.open("/console/reconciliation");
        browser.checkPage("reconciliation-en");
        browser.find("#u-file").sendKeys(file.toAbsolutePath().toString());
        browser.find("#upload button[type=submit]").click();

        browser.await(d -> d.getCurrentUrl().contains("/console/reconciliations/rec_"));
        var bar = browser.find("#progress-bar");
        assertThat(Long.parseLong(bar.getAttribute("value"))).as("the run has not finished when its page shows")
                .isLessThan(Long.parseLong(bar.getAttribute("max")));
        browser.screenshot("reconciliation-progress-en");
        browser.await(d -> !d.findElements(By.id("counts")).isEmpty());
        assertThat(browser.text("#count-MISSING_LOCAL")).isEqualTo("Missing here " + UNKNOWN_PAYMENTS);
        assertThat(browser.text("#count-INVALID_ROW")).isEqualTo("Invalid row 1");
        assertThat(browser.text("#count-MATCHED")).isEqualTo("Matched 0");
        browser.await(d -> !d.findElements(By.cssSelector(".chart canvas")).isEmpty());
        String runId = browser.path().substring("/console/reconciliations/".length());
        var run = Api.at(port).asAdmin().get("/api/v1/reconciliations/" + runId).json();
        assertThat(run.path("counts").path("MISSING_LOCAL").asLong()).isEqualTo(UNKNOWN_PAYMENTS);
        assertThat(run.path("status").asString()).isEqualTo("COMPLETED");
        browser.checkPage("reconciliation-run-en");

        var first = browser.find("tbody tr[id^=dis-]");
        String discrepancy = first.getAttribute("id").substring("dis-".length());
        new Select(first.findElement(By.name("action"))).selectByValue("IGNORE");
        first.findElement(By.name("reason")).sendKeys("test file: no such payment");
        first.findElement(By.cssSelector("button[type=submit]")).click();
        // Waits for what only the swapped-in row has: reading the old row's text while htmx replaces it goes stale.
        browser.await(d -> !d.findElements(By.cssSelector("#dis-" + discrepancy + " .resolved")).isEmpty());
        assertThat(browser.text("#dis-" + discrepancy)).contains("Dismissed", "by user:" + OPERATOR,
                "test file: no such payment");

        var audited = Api.at(port).asAdmin().get("/api/v1/audit?targetId=" + discrepancy).json().path("data");
        assertThat(audited).hasSize(1);
        assertThat(audited.get(0).path("actor").asString()).isEqualTo("user:" + OPERATOR);
        assertThat(audited.get(0).path("action").asString()).isEqualTo("discrepancy.resolved");

        browser.open("/console/audit");
        browser.find("#a-target").sendKeys(discrepancy);
        browser.find("#a-actor").sendKeys("user:" + OPERATOR);
        browser.find("form.filters button[type=submit]").click();
        browser.await(d -> d.getCurrentUrl().contains("targetId=" + discrepancy));
        assertThat(browser.text("#results tbody")).contains("discrepancy.resolved");
        assertThat(browser.findAll("#results tbody tr")).hasSize(1);
        browser.find("#verify").click();
        browser.await(d -> !d.findElements(By.id("verify-result")).isEmpty());
        assertThat(browser.find("#verify-result").getAttribute("data-ok")).isEqualTo("true");
        assertThat(browser.text("#verify-result")).startsWith("The chain is intact");
        browser.checkPage("audit-en");
    }

    @Test
    void thePagesRenderInChinese() throws IOException {
        browser.logout().login(OPERATOR, ConsolePagesTest.PASSWORD);
        browser.open("/console/reconciliation?lang=zh-CN");
        assertThat(browser.text("h1")).isEqualTo("对账");
        browser.checkPage("reconciliation-zh-CN");
        browser.find("#u-file").sendKeys(smallFile().toAbsolutePath().toString());
        browser.find("#upload button[type=submit]").click();
        browser.await(d -> !d.findElements(By.id("counts")).isEmpty());
        assertThat(browser.text("#count-MISSING_LOCAL")).isEqualTo("本地缺失 1");
        browser.await(d -> !d.findElements(By.cssSelector(".chart canvas")).isEmpty());
        browser.checkPage("reconciliation-run-zh-CN");
        browser.open("/console/audit");
        browser.find("#verify").click();
        browser.await(d -> !d.findElements(By.id("verify-result")).isEmpty());
        assertThat(browser.text("#verify-result")).startsWith("哈希链完好");
        browser.checkPage("audit-zh-CN");
        browser.open("/console/audit?lang=en");
    }

    @Test
    void aRefundTheProviderDoesNotAnswerStaysRefundingAndCanBeAskedAgain() throws IOException {
        browser.logout().login(OPERATOR, ConsolePagesTest.PASSWORD);
        browser.open("/console/reconciliation?lang=en");
        browser.find("#u-file").sendKeys(smallFile().toAbsolutePath().toString());
        browser.find("#upload button[type=submit]").click();
        browser.await(d -> !d.findElements(By.id("counts")).isEmpty());
        String runPath = browser.path();
        var row = browser.find("tbody tr[id^=dis-]");
        String discrepancy = row.getAttribute("id").substring("dis-".length());
        new Select(row.findElement(By.name("action"))).selectByValue("REFUND");
        row.findElement(By.name("reason")).sendKeys("paid twice, customer asked");
        row.findElement(By.cssSelector("button[type=submit]")).click();

        // No provider answers (ConsolePagesTest): the row stays REFUNDING, says so, and offers only the refund again.
        browser.await(d -> !d.findElements(By.cssSelector("#dis-" + discrepancy + " .refunding")).isEmpty());
        String selector = "#dis-" + discrepancy;
        assertThat(browser.text(selector + " .state")).isEqualTo("Refund under way");
        assertThat(browser.text(selector + " [role=alert]")).contains("gave no clear answer");
        assertThat(new Select(browser.find(selector + " select[name=action]")).getOptions())
                .extracting(o -> o.getAttribute("value")).containsExactly("REFUND");
        assertThat(browser.find(selector + " input[name=reason]").getAttribute("value"))
                .isEqualTo("paid twice, customer asked");
        browser.assertNoMissingMessages();

        var before = browser.find(selector);
        browser.find(selector + " button[type=submit]").click();
        browser.await(ExpectedConditions.stalenessOf(before));
        assertThat(browser.text(selector + " .state")).as("asked again, still no answer").isEqualTo("Refund under way");
        assertThat(browser.findAll(selector + " [role=alert]")).hasSize(1);
        var audited = Api.at(port).asAdmin().get("/api/v1/audit?targetId=" + discrepancy).json().path("data");
        assertThat(audited.findValuesAsString("action")).containsExactly("discrepancy.refund_requested");

        browser.open(runPath.replaceAll("\\?.*", "") + "?resolution=REFUNDING&lang=zh-CN");
        assertThat(browser.findAll(selector)).hasSize(1);
        assertThat(browser.text(selector + " .state")).isEqualTo("退款进行中");
        assertThat(new Select(browser.find("#r-resolution")).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("REFUNDING");
        browser.checkPage("reconciliation-refunding-zh-CN");
        browser.open("/console/reconciliation?lang=en");
    }

    /** A sandbox-format file of payments Orderkeep never heard of, and one row that is not a row. */
    private static Path settlementFile() throws IOException {
        var lines = new ArrayList<String>();
        lines.add(HEADER);
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < UNKNOWN_PAYMENTS; i++) {
            lines.add(payment("tx_" + run + "_" + i, 1000 + i, i));
        }
        lines.add("tx_" + run + "_bad,pr_bad,pay_bad,PAYMENT,SUCCESS,12.5,CNY,0," + noon());
        Path file = Files.createTempFile("settlement", ".csv");
        Files.write(file, lines);
        return file;
    }

    private static Path smallFile() throws IOException {
        Path file = Files.createTempFile("settlement", ".csv");
        Files.write(file, java.util.List.of(HEADER, payment("tx_" + UUID.randomUUID(), 990, 0)));
        return file;
    }

    static final String HEADER = "transaction_id,provider_ref,out_trade_no,type,status,amount,currency,fee,occurred_at";

    private static String payment(String tx, long amount, int second) {
        return String.join(",", tx, "pr_" + tx, "pay_" + tx, "PAYMENT", "SUCCESS", Long.toString(amount), "CNY", "0",
                noon().plusSeconds(second).toString());
    }

    /** Noon yesterday in Shanghai: inside one settlement day whatever the sandbox's zone. */
    private static Instant noon() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).atTime(12, 0).atZone(ZoneId.of("Asia/Shanghai"))
                .toInstant();
    }
}
