package io.orderkeep.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.Orderkeep;
import io.orderkeep.access.ConsoleUsers;
import io.orderkeep.platform.Role;
import io.orderkeep.support.Api;
import io.orderkeep.support.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * The console's protections over real HTTP, no browser: sign-in needed, CSRF refused without its token, a new
 * session id at sign-in with a HttpOnly SameSite=Lax cookie, the Content-Security-Policy on the console and the
 * tracking page, and the API answering exactly as before (its own 401 problem, no login redirect).
 */
@SpringBootTest(classes = Orderkeep.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
class ConsoleSecurityHttpTest {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");

    @LocalServerPort
    int port;

    @Autowired
    ConsoleUsers users;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    HttpResponse<String> send(String method, String path, String cookie, String form) throws Exception {
        return send(method, path, cookie, form, Map.of());
    }

    HttpResponse<String> send(String method, String path, String cookie, String form, Map<String, String> headers)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, form == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(form));
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void consolePagesNeedASignInAndCarryAStrictContentSecurityPolicy() throws Exception {
        var dashboard = send("GET", "/console", null, null);
        assertThat(dashboard.statusCode()).isEqualTo(302);
        assertThat(dashboard.headers().firstValue("Location").orElseThrow()).endsWith("/console/login");

        var login = send("GET", "/console/login", null, null);
        assertThat(login.statusCode()).isEqualTo(200);
        String csp = login.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(login.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(login.body()).doesNotContain("<script>").doesNotContain("style=\"");

        var tracking = send("GET", "/track/ord_nothing?t=nothing", null, null);
        assertThat(tracking.headers().firstValue("Content-Security-Policy")).contains(csp);
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
        users.create("csrf-operator", "csrf passphrase 12", Role.OPERATOR, null, "test");
        var login = send("GET", "/console/login", null, null);
        String cookie = "JSESSIONID=" + session(login);
        var refused = send("POST", "/console/login", cookie, "username=csrf-operator&password=csrf+passphrase+12");
        assertThat(refused.statusCode()).isEqualTo(403);

        String token = token(login.body());
        var signedIn = send("POST", "/console/login", cookie,
                "username=csrf-operator&password=csrf+passphrase+12&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/console");
        String setCookie = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(setCookie).as("a new session id at sign-in").doesNotContain(session(login));
        assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        String signedInCookie = "JSESSIONID=" + session(signedIn);

        var page = send("GET", "/console/unreturned", signedInCookie, null);
        assertThat(page.statusCode()).isEqualTo(200);
        var noToken = send("POST", "/console/orders/ord_x/recheck", signedInCookie, "");
        assertThat(noToken.statusCode()).isEqualTo(403);
        var logoutWithoutToken = send("POST", "/console/logout", signedInCookie, "");
        assertThat(logoutWithoutToken.statusCode()).isEqualTo(403);
        assertThat(send("GET", "/console", signedInCookie, null).statusCode()).as("still signed in").isEqualTo(200);
    }

    @Test
    void behindAnHttpsProxyTheSessionAndLanguageCookiesAreSecure() throws Exception {
        users.create("proxy-operator", "proxy passphrase 12", Role.OPERATOR, null, "test");
        var plain = send("GET", "/console/login?lang=zh-CN", null, null, Map.of());
        assertThat(plain.headers().allValues("Set-Cookie")).as("plain HTTP: nothing Secure")
                .anyMatch(c -> c.startsWith("orderkeep-lang=")).noneMatch(c -> c.contains("Secure"));

        Map<String, String> proxy = Map.of("X-Forwarded-Proto", "https");
        var login = send("GET", "/console/login?lang=zh-CN", null, null, proxy);
        assertThat(cookie(login, "orderkeep-lang")).contains("Secure", "HttpOnly");
        assertThat(cookie(login, "JSESSIONID")).contains("Secure", "HttpOnly");
        var signedIn = send("POST", "/console/login", "JSESSIONID=" + session(login),
                "username=proxy-operator&password=proxy+passphrase+12&_csrf="
                        + URLEncoder.encode(token(login.body()), StandardCharsets.UTF_8), proxy);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(cookie(signedIn, "JSESSIONID")).as("the new session id at sign-in").contains("Secure", "HttpOnly");
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).startsWith("https://");
    }

    @Test
    void theApiIsUntouched() throws IOException, InterruptedException {
        var api = Api.at(port);
        var response = api.get("/api/v1/orders");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("unauthenticated");
        assertThat(response.headers().keySet().stream().map(String::toLowerCase).toList())
                .doesNotContain("content-security-policy").doesNotContain("set-cookie");
        assertThat(api.asAdmin().get("/api/v1/orders").status()).isEqualTo(200);
        assertThat(api.get("/actuator/health").status()).isEqualTo(200);
    }

    private static String cookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + response.headers().map()));
    }

    private static String session(HttpResponse<String> response) {
        List<String> cookies = response.headers().allValues("Set-Cookie");
        return cookies.stream().map(SESSION::matcher).filter(java.util.regex.Matcher::find).map(m -> m.group(1))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + cookies));
    }

    private static String token(String html) {
        var matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("the login form carries a CSRF token").isTrue();
        return matcher.group(1);
    }
}
