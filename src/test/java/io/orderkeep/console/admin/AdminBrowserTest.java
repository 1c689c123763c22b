package io.orderkeep.console.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.access.ConsoleUsers;
import io.orderkeep.console.ConsolePagesTest;
import io.orderkeep.platform.Role;
import io.orderkeep.support.Api;
import io.orderkeep.support.Browser;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Merchants, keys and users, in real headless Chromium: what an admin does there, and 403 for anyone else. */
@ConsolePagesTest
class AdminBrowserTest {

    static final String ADMIN = "pages-admin";
    static final String OPERATOR = "pages-operator";

    @LocalServerPort
    int port;
    @Autowired
    ConsoleUsers users;

    Browser browser;

    @BeforeAll
    void start() {
        users.create(ADMIN, ConsolePagesTest.PASSWORD, Role.ADMIN, null, "test");
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
    void theAdminPagesAre403ForAnOperator() {
        browser.logout().login(OPERATOR, ConsolePagesTest.PASSWORD);
        for (String page : new String[] {"/console/merchants", "/console/keys", "/console/users"}) {
            assertThat(statusOf(page)).as(page).isEqualTo(403L);
            browser.open(page);
            assertThat(browser.text("main")).as(page).contains("Your role does not allow this.");
        }
        browser.checkPage("admin-forbidden-en");
    }

    @Test
    void anAdminCreatesAMerchantAndAKeyShownOnceThenRevokesIt() {
        browser.logout().login(ADMIN, ConsolePagesTest.PASSWORD);
        String merchant = "m_" + UUID.randomUUID().toString().substring(0, 8);
        browser.open("/console/merchants");
        browser.find("#m-id").sendKeys(merchant);
        browser.find("#m-name").sendKeys("Console Tea");
        browser.find("#m-zone").clear();
        browser.find("#m-zone").sendKeys("Asia/Tokyo");
        browser.find("form.stack button[type=submit]").click();
        present("#merchant-" + merchant);
        assertThat(browser.text(".notice.ok")).isEqualTo("Merchant " + merchant + " created.");
        assertThat(browser.text("#merchant-" + merchant)).contains("Console Tea", "Asia/Tokyo");
        browser.checkPage("merchants-en");

        browser.open("/console/keys");
        new Select(browser.find("#k-role")).selectByValue("merchant");
        new Select(browser.find("#k-merchant")).selectByValue(merchant);
        browser.find("#k-name").sendKeys("console key");
        browser.find("form.stack button[type=submit]").click();
        present("#new-key");
        assertThat(browser.text(".notice.ok")).contains("shown only this once");
        String key = browser.text("#new-key");
        assertThat(key).startsWith("ok_");
        String keyId = browser.find("tbody tr:last-child").getAttribute("id").substring("key-".length());
        assertThat(Api.at(port).as(key).get("/api/v1/orders").status()).isEqualTo(200);
        browser.checkPage("keys-en");
        browser.open("/console/keys");
        assertThat(browser.driver().getPageSource()).as("the key is shown only once").doesNotContain(key);

        browser.find("#key-" + keyId + " button.danger").click();
        browser.driver().switchTo().alert().accept();
        present("#key-" + keyId + " .state");
        assertThat(browser.text(".notice.ok")).startsWith("Key " + keyId + " revoked");
        assertThat(browser.text("#key-" + keyId)).contains("Revoked");
        assertThat(Api.at(port).as(key).get("/api/v1/orders").status()).isEqualTo(401);
        var audit = Api.at(port).asAdmin().get("/api/v1/audit?actor=user:" + ADMIN).json().path("data");
        assertThat(audit.findValuesAsString("action")).contains("merchant.created", "key.created", "key.revoked");
    }

    @Test
    void anAdminCreatesAUserWithAGeneratedPasswordAndDisablesThem() {
        browser.logout().login(ADMIN, ConsolePagesTest.PASSWORD);
        browser.open("/console/users");
        browser.find("#u-name").sendKeys("new-auditor");
        new Select(browser.find("#u-role")).selectByValue("auditor");
        browser.find("form.stack button[type=submit]").click();
        present("#new-password");
        assertThat(browser.text(".notice.ok")).startsWith("User new-auditor created.");
        String password = browser.text("#new-password");
        assertThat(users.authenticate("new-auditor", password)).isPresent();
        browser.checkPage("users-en");

        browser.find("#user-new-auditor button.danger").click();
        browser.driver().switchTo().alert().accept();
        present("#user-new-auditor .state");
        assertThat(browser.text(".notice.ok")).startsWith("User new-auditor disabled");
        assertThat(users.authenticate("new-auditor", password)).isEmpty();
        assertThat(browser.findAll("#user-" + ADMIN + " button")).as("no one disables themself").isEmpty();
    }

    @Test
    void theAdminPagesRenderInChinese() {
        browser.logout().login(ADMIN, ConsolePagesTest.PASSWORD);
        browser.open("/console/merchants?lang=zh-CN");
        assertThat(browser.text("h1")).isEqualTo("商户");
        browser.checkPage("merchants-zh-CN");
        browser.open("/console/keys");
        assertThat(browser.text("h1")).isEqualTo("API 密钥");
        browser.checkPage("keys-zh-CN");
        browser.open("/console/users");
        assertThat(browser.text("h1")).isEqualTo("控制台用户");
        browser.checkPage("users-zh-CN");
        browser.open("/console/users?lang=en");
    }

    /** Waits for an element of the page a form answered with; the old page's elements go stale meanwhile. */
    private void present(String css) {
        browser.await(d -> !d.findElements(By.cssSelector(css)).isEmpty());
    }

    /** The status the signed-in browser gets for a page, asked with its own session. */
    private long statusOf(String path) {
        Object status = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'}).then(function (r) { done(r.status); });""", path);
        return ((Number) status).longValue();
    }
}
