package io.orderkeep.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.Orderkeep;
import io.orderkeep.access.ConsoleUsers;
import io.orderkeep.platform.Role;
import io.orderkeep.support.Browser;
import io.orderkeep.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/** The sign-in page in both languages, then signing in and out, in real headless Chromium. */
@SpringBootTest(classes = Orderkeep.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleLoginBrowserTest {

    static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;

    @Autowired
    ConsoleUsers users;

    Browser browser;

    @BeforeAll
    void start() {
        users.create("login-operator", PASSWORD, Role.OPERATOR, null, "test");
        browser = Browser.start(port);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void loginPageRendersInBothLanguagesWithNoMissingKeysAndNoAccessibilityViolations() {
        browser.logout().open("/console/login");
        assertThat(browser.text("h1")).isEqualTo("Sign in to Orderkeep");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
        browser.checkPage("login-en");

        browser.open("/console/login?lang=zh-CN");
        assertThat(browser.text("h1")).isEqualTo("登录 Orderkeep");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("zh-CN");
        browser.checkPage("login-zh-CN");

        browser.open("/console/login");
        assertThat(browser.text("h1")).as("the chosen language sticks").isEqualTo("登录 Orderkeep");
        browser.open("/console/login?lang=en");
    }

    @Test
    void signsInAsTheUserAndOut() {
        browser.logout().login("login-operator", PASSWORD);
        assertThat(browser.path()).isEqualTo("/console");
        assertThat(browser.text(".who")).contains("login-operator");
        browser.find(".logout button").click();
        browser.await(d -> d.getCurrentUrl().contains("/console/login?logout"));
        browser.open("/console");
        assertThat(browser.path()).isEqualTo("/console/login");
    }

    @Test
    void aWrongPasswordIsRefused() {
        browser.logout().open("/console/login");
        browser.find("#username").sendKeys("login-operator");
        browser.find("#password").sendKeys("not the password");
        browser.find("#sign-in").click();
        browser.await(d -> d.getCurrentUrl().endsWith("/console/login?error"));
        assertThat(browser.text("[role=alert]")).isEqualTo("Wrong user name or password.");
    }
}
