package io.orderkeep.order;

import static io.orderkeep.order.OrderFixtures.create;
import static io.orderkeep.order.OrderFixtures.newMerchant;
import static io.orderkeep.order.OrderFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.support.Api;
import io.orderkeep.support.DatabaseTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code POST /api/v1/orders}: what a valid create answers and every way a create is refused. */
@DatabaseTest
@Import(OrderTestConfig.class)
class OrderIntakeHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api admin;
    String merchant;

    @BeforeEach
    void setUp() {
        admin = Api.at(port).asAdmin();
        merchant = newMerchant(Api.at(port));
    }

    @Test
    void createdOrderIsPendingWithItsNumberHopsAndLocation() {
        var response = create(admin, order(merchant));
        assertThat(response.status()).isEqualTo(201);
        var order = response.json();
        String id = order.path("id").asString();
        assertThat(id).startsWith("ord_");
        assertThat(response.header("Location")).isEqualTo("/api/v1/orders/" + id);
        assertThat(response.header("Idempotent-Replayed")).isNull();
        assertThat(order.path("number").asString()).matches("\\d{8}-\\d{6}");
        assertThat(order.path("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(order.path("totalAmount").asLong()).isEqualTo(2500);
        assertThat(order.path("currency").asString()).isEqualTo("CNY");
        assertThat(order.path("customer").path("locale").asString()).isEqualTo("zh-CN");
        assertThat(order.path("customer").path("email").asString()).isEqualTo("li.wei@example.com");
        assertThat(order.path("hops").get(0).path("hop").asString()).isEqualTo("accepted");
        assertThat(order.path("hops").get(0).path("state").asString()).isEqualTo("RETURNED");
        assertThat(order.path("unreturned").asBoolean()).isFalse();
        assertThat(order.path("needsAttention").asBoolean()).isFalse();
        assertThat(order.path("trackingUrl").asString()).startsWith("http://localhost:" + port + "/track/" + id + "?t=");
        assertThat(order.path("version").asLong()).isEqualTo(1);
        assertThat(order.path("metadata").path("channel").asString()).isEqualTo("mini-program");
    }

    @Test
    void openingRunsAfterCommitAndWhatItOpensIsInTheResponse(@Autowired OrderTestConfig.RecordingOpening opening) {
        var body = order(merchant);
        body.put("payment", Map.of("provider", "hopper"));
        var order = create(admin, body).json();
        assertThat(opening.timesOpened(order.path("id").asString())).isEqualTo(1);
        assertThat(order.path("hops")).extracting(h -> h.path("hop").asString() + "=" + h.path("state").asString())
                .containsExactly("accepted=RETURNED", "payment=PENDING");
    }

    @Test
    void failingOpeningStillAnswersTheDurableOrder() {
        var body = order(merchant);
        body.put("payment", Map.of("provider", "broken"));
        var response = create(admin, body);
        assertThat(response.status()).isEqualTo(201);
        assertThat(countOrders(merchant)).isEqualTo(1);
    }

    @Test
    void orderNumbersAreUniqueAndIncreaseWithinADay() {
        String first = create(admin, order(merchant)).json().path("number").asString();
        String second = create(admin, order(merchant)).json().path("number").asString();
        assertThat(second).isNotEqualTo(first);
        assertThat(second.substring(0, 8)).isEqualTo(first.substring(0, 8));
        assertThat(second.compareTo(first)).isPositive();
    }

    @Test
    void contactDataIsNormalised() {
        var body = order(merchant);
        body.put("customer", Map.of("email", "  Li.Wei@EXAMPLE.com ", "phone", "138 0013 8000", "locale", "en"));
        var customer = create(admin, body).json().path("customer");
        assertThat(customer.path("email").asString()).isEqualTo("Li.Wei@example.com");
        assertThat(customer.path("phone").asString()).isEqualTo("+8613800138000");
        assertThat(customer.path("locale").asString()).isEqualTo("en");
    }

    @Test
    void unknownFieldsAreIgnored() {
        var body = order(merchant);
        body.put("giftWrap", true);
        assertThat(create(admin, body).status()).isEqualTo(201);
    }

    @Test
    void sameKeyAndSameBodyReplaysTheFirstResponse() {
        var api = admin.header("Idempotency-Key", "replay-" + merchant);
        var first = api.post("/api/v1/orders", order(merchant));
        var body = order(merchant);
        body.put("customer", Map.of("name", "Li Wei", "email", "li.wei@EXAMPLE.com ", "phone", "+86 138 0013 8000"));
        body.put("ignored", "unknown fields do not make a different request");
        var second = api.post("/api/v1/orders", body);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(countOrders(merchant)).isEqualTo(1);
    }

    @Test
    void sameKeyWithDifferentBodyIsRefused() {
        var api = admin.header("Idempotency-Key", "reuse-" + merchant);
        api.post("/api/v1/orders", order(merchant));
        var body = order(merchant);
        body.put("currency", "JPY");
        var response = api.post("/api/v1/orders", body);
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("idempotency_key_reused");
        assertThat(countOrders(merchant)).isEqualTo(1);
    }

    @Test
    void keysAreScopedPerMerchant() {
        String other = newMerchant(Api.at(port));
        var api = admin.header("Idempotency-Key", "shared-key");
        assertThat(api.post("/api/v1/orders", order(merchant)).status()).isEqualTo(201);
        var response = api.post("/api/v1/orders", order(other));
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void missingOrMalformedKeyIsRefused() {
        assertThat(admin.post("/api/v1/orders", order(merchant)).code()).isEqualTo("idempotency_key_missing");
        var tooLong = admin.header("Idempotency-Key", "k".repeat(256)).post("/api/v1/orders", order(merchant));
        assertThat(tooLong.code()).isEqualTo("validation_failed");
        assertThat(tooLong.json().path("errors").get(0).path("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(countOrders(merchant)).isZero();
    }

    @Test
    void malformedJsonIsRefused() {
        var response = admin.header("Idempotency-Key", "bad-json").post("/api/v1/orders", "{\"currency\": ");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("malformed_request");
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void bodyOver256KiBIsRefused() {
        var body = order(merchant);
        body.put("metadata", Map.of("padding", "x".repeat(300 * 1024)));
        var response = create(admin, body);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.code()).isEqualTo("payload_too_large");
        assertThat(countOrders(merchant)).isZero();
    }

    @Test
    void invalidFieldsAreAllNamedAndNothingIsWritten() {
        var body = order(merchant);
        body.put("currency", "ABC");
        body.put("items", List.of(Map.of("sku", "TEA-01", "name", "Oolong", "quantity", 0, "unitAmount", 12.5),
                Map.of("sku", "", "name", "Cup", "quantity", "two", "unitAmount", 100)));
        body.put("customer", Map.of("email", "not-an-email", "phone", "12", "locale", "fr"));
        var response = create(admin, body);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("validation_failed");
        assertThat(fields(response)).containsExactlyInAnyOrder("currency", "items[0].unitAmount", "items[1].sku",
                "items[1].quantity", "customer.email", "customer.phone", "customer.locale");
        assertThat(countOrders(merchant)).isZero();
    }

    @Test
    void amountsAreBoundedByTheCurrency() {
        var body = order(merchant);
        body.put("currency", "JPY");
        body.put("items", List.of(Map.of("sku", "A", "name", "A", "quantity", 10_001, "unitAmount", 100_000_001)));
        assertThat(fields(create(admin, body))).containsExactly("items[0].quantity", "items[0].unitAmount");
        body.put("items", List.of());
        assertThat(fields(create(admin, body))).containsExactly("items");
        body.remove("items");
        assertThat(fields(create(admin, body))).containsExactly("items");
    }

    @Test
    void wrongTypesAreNamed() {
        var body = order(merchant);
        body.put("customer", "Li Wei");
        body.put("items", Map.of("sku", "A"));
        assertThat(fields(create(admin, body))).containsExactlyInAnyOrder("customer", "items");
    }

    @Test
    void unknownMerchantIsAValidationError() {
        var response = create(admin, order("m_nobody"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("merchantId");
        var body = order(merchant);
        body.remove("merchantId");
        assertThat(fields(create(admin, body))).containsExactly("merchantId");
    }

    @Test
    void merchantKeyCreatesForItsOwnMerchantOnly() {
        var shop = Api.at(port).as(OrderFixtures.key(Api.at(port), "merchant", merchant));
        var body = order(merchant);
        body.remove("merchantId");
        var created = create(shop, body);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("merchantId").asString()).isEqualTo(merchant);
        String other = newMerchant(Api.at(port));
        var refused = create(shop, order(other));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(fields(refused)).containsExactly("merchantId");
        assertThat(countOrders(other)).isZero();
    }

    @Test
    void auditorCannotCreate() {
        var auditor = Api.at(port).as(OrderFixtures.key(Api.at(port), "auditor", null));
        assertThat(create(auditor, order(merchant)).code()).isEqualTo("forbidden");
        assertThat(Api.at(port).post("/api/v1/orders", order(merchant)).code()).isEqualTo("unauthenticated");
    }

    @Test
    void merchantOrderRefIsUniquePerMerchant() {
        var body = order(merchant);
        body.put("merchantOrderRef", "SHOP-1001");
        assertThat(create(admin, body).status()).isEqualTo(201);
        var taken = create(admin, body);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.code()).isEqualTo("merchant_order_ref_taken");
        assertThat(countOrders(merchant)).isEqualTo(1);
        var elsewhere = new LinkedHashMap<>(body);
        elsewhere.put("merchantId", newMerchant(Api.at(port)));
        assertThat(create(admin, elsewhere).status()).isEqualTo(201);
    }

    @Test
    void storageFailingMidTransactionIs503AndLeavesNothingHalfWritten(@Autowired OrderTestConfig.CapturedEvents events) {
        events.failStorageFor(merchant);
        var api = admin.header("Idempotency-Key", "storage-" + merchant);
        var response = api.post("/api/v1/orders", order(merchant));
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.code()).isEqualTo("unavailable");
        assertThat(response.header("Retry-After")).isNotNull();
        assertThat(countOrders(merchant)).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM idempotency_keys WHERE merchant_id = ?").param(merchant)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entries WHERE detail LIKE ?").param("%" + merchant + "%")
                .query(Long.class).single()).as("only the merchant's own creation is audited").isEqualTo(1);
        events.failStorageFor(null);
        assertThat(api.post("/api/v1/orders", order(merchant)).status()).as("the retry creates the order").isEqualTo(201);
    }

    private long countOrders(String merchantId) {
        return jdbc.sql("SELECT COUNT(*) FROM orders WHERE merchant_id = ?").param(merchantId).query(Long.class).single();
    }

    private static List<String> fields(Api.Response response) {
        assertThat(response.code()).as(response.toString()).isEqualTo("validation_failed");
        var fields = new java.util.ArrayList<String>();
        response.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        return fields;
    }
}
