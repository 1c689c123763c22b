package io.orderkeep.console.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderkeep.order.TrackingLinks;
import io.orderkeep.support.Api;
import io.orderkeep.support.DatabaseTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The tracking page over plain HTTP: who gets it (the token's holder; everyone else the same 404), what it never
 * shows (unmasked contact data), which language it speaks, how it counts money, and "try again" after a failed
 * payment.
 */
@DatabaseTest
class TrackingPageHttpTest extends TrackingTestSupport {

    @Autowired
    TrackingLinks links;

    @Test
    void anythingButTheOrdersOwnTokenIsTheSameNotFoundPage() {
        JsonNode order = newOrder("CNY", 1250, "en");
        JsonNode other = newOrder("CNY", 1250, "en");
        String id = order.path("id").asString();
        Api.Response valid = page(trackingPath(order), "en");
        assertThat(valid.status()).isEqualTo(200);

        String notFound = page("/track/ord_doesnotexist", "en").body();
        for (String path : new String[] {
                "/track/" + id + "?t=not-the-token",
                "/track/" + id + "?t=",
                "/track/" + id,
                "/track/" + id + "?t=" + links.token(other.path("id").asString()),
                "/track/ord_doesnotexist?t=" + links.token("ord_doesnotexist"),
                "/track/ord_doesnotexist?t=guess"}) {
            Api.Response response = page(path, "en");
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).isEqualTo(notFound).contains("Order not found").doesNotContain(id);
        }
    }

    @Test
    void thePageShowsContactDataOnlyMaskedAndKeepsItsLinkOutOfCaches() {
        JsonNode order = newOrder("CNY", 1250, "en");
        Api.Response response = page(trackingPath(order), "en");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("l***@example.com", "+86138****8000", "Li Wei", "Oolong 100g")
                .doesNotContain("li.wei@example.com", "li.wei", "+8613800138000", "13800138000");
        assertThat(response.header("Cache-Control")).contains("no-store");
        assertThat(response.header("Content-Security-Policy")).contains("script-src 'self'");
        assertThat(response.body()).doesNotContain("<script>", "style=\"");
    }

    @Test
    void theCustomersLanguageLeadsUntilTheReaderPicksOneWhichSticks() {
        JsonNode chinese = newOrder("CNY", 1250, "zh-CN");
        JsonNode english = newOrder("CNY", 1250, "en");

        assertThat(page(trackingPath(chinese), "en-US,en").body()).contains("lang=\"zh-CN\"", "等待付款");
        assertThat(page(trackingPath(english), "zh-CN,zh").body()).contains("lang=\"en\"", "Waiting for payment");

        var browser = new Session();
        assertThat(browser.get(trackingPath(chinese) + "&lang=en").body()).contains("lang=\"en\"", "Waiting for payment");
        assertThat(browser.get(trackingPath(chinese)).body()).as("the choice is kept in a cookie")
                .contains("lang=\"en\"", "Waiting for payment");
    }

    @Test
    void amountsHaveTheCurrencysMinorDigitsAndTimesTheMerchantsZone() {
        String yen = page(trackingPath(newOrder("JPY", 1250, "en")), "en").body();
        assertThat(yen).contains("2,500").doesNotContain("2,500.00", "25.00");
        String yuan = page(trackingPath(newOrder("CNY", 1250, "en")), "en").body();
        assertThat(yuan).contains("25.00").doesNotContain("2,500");
        assertThat(yuan).contains("Asia/Shanghai");
    }

    @Test
    void aFailedPaymentOffersTryAgainWhichOpensANewAttemptToPay() {
        JsonNode order = newOrder("CNY", 900, "en");
        String id = order.path("id").asString();
        pay(order, "FAILED");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> order(id).path("payment").path("status").asString().equals("FAILED"));

        var browser = new Session();
        String failed = browser.get(trackingPath(order)).body();
        assertThat(failed).contains("Payment failed: try again", "id=\"retry\"").doesNotContain("id=\"pay\"");
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(failed);
        assertThat(csrf.find()).as("the form carries its CSRF token").isTrue();

        Api.Response wrongToken = browser.post("/track/" + id + "/payments?t=wrong", "_csrf=" + csrf.group(1));
        assertThat(wrongToken.status()).isEqualTo(404);
        assertThat(order(id).path("payment").path("attempt").asInt()).isEqualTo(1);

        Api.Response retried = browser.post(trackingPath(order).replace("?", "/payments?"), "_csrf=" + csrf.group(1));
        assertThat(retried.status()).isEqualTo(303);
        assertThat(retried.header("Location")).endsWith(trackingPath(order));

        JsonNode now = order(id);
        assertThat(now.path("payment").path("attempt").asInt()).isEqualTo(2);
        assertThat(now.path("payment").path("status").asString()).isEqualTo("PENDING");
        String again = browser.get(trackingPath(order)).body();
        assertThat(again).contains("Waiting for your payment", "please do not pay again", "id=\"pay\"",
                now.path("payment").path("payUrl").asString());
    }

    @Test
    void tryAgainWithoutTheFormsCsrfTokenChangesNothing() {
        JsonNode order = newOrder("CNY", 800, "en");
        String id = order.path("id").asString();
        pay(order, "FAILED");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> order(id).path("payment").path("status").asString().equals("FAILED"));

        Api.Response forged = new Session().post(trackingPath(order).replace("?", "/payments?"), "");
        assertThat(forged.status()).isEqualTo(403);
        assertThat(order(id).path("payment").path("attempt").asInt()).isEqualTo(1);
    }

    private Api.Response page(String path, String language) {
        return Api.at(port).header("Accept-Language", language).header("Accept", "text/html").get(path);
    }

    /** A client that keeps cookies, as a browser does (the language choice, the session of the CSRF token). */
    private final class Session {
        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        Api.Response get(String path) {
            return send(HttpRequest.newBuilder(uri(path)).header("Accept-Language", "en").GET());
        }

        Api.Response post(String path, String form) {
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        private URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        private Api.Response send(HttpRequest.Builder request) {
            try {
                var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Api.Response(response.statusCode(), response.headers().map(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
