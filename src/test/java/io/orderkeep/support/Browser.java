package io.orderkeep.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.webjars.WebJarVersionLocator;
import tools.jackson.databind.JsonNode;

/**
 * A real headless Chromium (Debian's {@code /usr/bin/chromium} driven by its {@code /usr/bin/chromedriver}; nothing
 * is downloaded) for the browser tests, named {@code *BrowserTest}. Starting one takes seconds on a small machine:
 * start one per test class ({@code @BeforeAll}) and {@link #close()} it after ({@code @AfterAll}).
 */
public final class Browser implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Pattern MISSING_MESSAGE = Pattern.compile("\\?\\?[^?\\s<>\"]+\\?\\?");

    private final ChromeDriver driver;
    private final String base;
    private final Path profile;

    private Browser(String base, String acceptLanguage) {
        this.base = base;
        try {
            this.profile = Files.createTempDirectory("orderkeep-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--disable-dev-shm-usage", "--window-size=1280,1400", "--user-data-dir=" + profile,
                // Headless Chromium sends its Accept-Language from these, not from the profile's preference alone.
                "--lang=" + acceptLanguage.split("[,;]")[0], "--accept-lang=" + acceptLanguage);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguage));
        // The browser's console (CSP violations are reported there), read by consoleMessages().
        var logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    /** A browser whose language is English, pointed at {@code http://127.0.0.1:port}. */
    public static Browser start(int port) {
        return start(port, "en-US,en");
    }

    /** A browser that sends {@code acceptLanguage} (e.g. {@code "zh-CN,zh"}) as its language. */
    public static Browser start(int port, String acceptLanguage) {
        return new Browser("http://127.0.0.1:" + port, acceptLanguage);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a path of the server ({@code /console/orders}); waits until the page has loaded. */
    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    public String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public String text(String css) {
        return find(css).getText();
    }

    /**
     * Waits (up to 15 s) until the condition holds, as htmx swaps and live updates arrive. An element swapped out
     * while the condition reads it (stale) counts as "not yet".
     */
    public <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** Waits until an element matching {@code css} shows {@code text}. */
    public void awaitText(String css, String text) {
        await(d -> d.findElements(By.cssSelector(css)).stream().anyMatch(e -> e.getText().contains(text)));
    }

    /** Signs in through the login form and waits for the console to open. */
    public Browser login(String username, String password) {
        open("/console/login");
        find("#username").sendKeys(username);
        find("#password").sendKeys(password);
        find("#sign-in").click();
        await(d -> !d.getCurrentUrl().contains("/console/login"));
        return this;
    }

    /** Signs out and forgets every cookie, the language choice included. */
    public Browser logout() {
        open("/console/login");
        driver.manage().deleteAllCookies();
        return this;
    }

    /** Saves what the browser shows as {@code target/screenshots/NAME.png}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs axe-core on the current page and returns its serious and critical violations, one line each
     * ({@code rule: help [selectors]}). The script comes from the axe-core WebJar on the test class path and is
     * injected here; Orderkeep never serves it.
     */
    public List<String> axeViolations() {
        var js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe !== 'undefined'"))) {
            js.executeScript(AxeScript.SOURCE);
        }
        Object result = js.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                   .then(function (r) { done(JSON.stringify(r.violations)); })
                   .catch(function (e) { done(JSON.stringify([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}])); });""");
        var violations = new ArrayList<String>();
        for (JsonNode violation : Api.JSON.readTree((String) result)) {
            String impact = violation.path("impact").asString();
            if (impact.equals("serious") || impact.equals("critical")) {
                var targets = new ArrayList<String>();
                violation.path("nodes").forEach(node -> targets.add(node.path("target").toString()));
                violations.add(violation.path("id").asString() + ": " + violation.path("help").asString() + " " + targets);
            }
        }
        return violations;
    }

    /** Fails on any message key the page could not resolve (Thymeleaf shows those as {@code ??key_locale??}). */
    public void assertNoMissingMessages() {
        String source = driver.getPageSource();
        var missing = new ArrayList<String>();
        Matcher matcher = MISSING_MESSAGE.matcher(source);
        while (matcher.find()) {
            missing.add(matcher.group());
        }
        assertThat(missing).as("unresolved message keys on " + path()).isEmpty();
        assertThat(source).as("unresolved message keys on " + path()).doesNotContain("??");
    }

    /**
     * What the browser's console received since the last call (each message once): script errors, failed loads
     * and Content-Security-Policy violations among them.
     */
    public List<String> consoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
    }

    /**
     * Fails on any Content-Security-Policy violation the browser reported since the last look: something the page
     * (or a library it loads, ECharts say) does that the policy refuses, which then silently does not happen.
     */
    public void assertNoCspViolations() {
        assertThat(consoleMessages()).as("Content-Security-Policy violations up to " + path())
                .noneMatch(message -> message.contains("Content Security Policy")
                        || message.contains("Content-Security-Policy"));
    }

    /** The page's accessibility, message and CSP checks together, then a screenshot: what every page test ends with. */
    public void checkPage(String screenshotName) {
        screenshot(screenshotName);
        assertNoMissingMessages();
        assertNoCspViolations();
        assertThat(axeViolations()).as("serious or critical accessibility violations on " + path()).isEmpty();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }

    /** axe-core's script, read once from its WebJar. */
    private static final class AxeScript {
        static final String SOURCE = read();

        private static String read() {
            String path = new WebJarVersionLocator().fullPath("axe-core", "axe.min.js");
            if (path == null) {
                throw new IllegalStateException("the axe-core WebJar is not on the test class path");
            }
            try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(path)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
