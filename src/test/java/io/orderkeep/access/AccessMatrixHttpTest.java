package io.orderkeep.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.platform.Role;
import io.orderkeep.support.Api;
import io.orderkeep.support.DatabaseTest;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may call what: one row per endpoint, the expected status for each role and for no key at all. The merchant
 * key belongs to {@code m_matrix}; {@code m_other} is another merchant's, so the merchant must get 404 there.
 * To cover a new endpoint, append a row; {@code {name}} in a path or body is replaced by a fresh value from
 * {@link #placeholders} for every call (add one there for a fixture the new rows need).
 */
@DatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixHttpTest {

    record Row(String method, String path, String body, int admin, int operator, int merchant, int auditor, int none) {}

    static final List<Row> ROWS = List.of(
            new Row("POST", "/api/v1/merchants", "{\"id\": \"m_{unique}\", \"name\": \"Matrix\"}", 201, 403, 403, 403, 401),
            new Row("GET", "/api/v1/merchants", null, 200, 200, 200, 200, 401),
            new Row("GET", "/api/v1/merchants/m_matrix", null, 200, 200, 200, 200, 401),
            new Row("GET", "/api/v1/merchants/m_other", null, 200, 200, 404, 200, 401),
            new Row("GET", "/api/v1/merchants/m_missing", null, 404, 404, 404, 404, 401),
            new Row("POST", "/api/v1/keys", "{\"role\": \"merchant\", \"merchantId\": \"m_matrix\"}", 201, 403, 403, 403, 401),
            new Row("GET", "/api/v1/keys", null, 200, 403, 403, 403, 401),
            new Row("DELETE", "/api/v1/keys/{revocableKey}", null, 204, 403, 403, 403, 401),
            new Row("GET", "/api/v1/audit", null, 200, 200, 403, 200, 401),
            new Row("GET", "/api/v1/audit?targetId=m_other", null, 200, 200, 403, 200, 401),
            new Row("GET", "/api/v1/audit/verify", null, 200, 200, 403, 200, 401),
            new Row("POST", "/api/v1/orders", order("m_matrix"), 201, 201, 201, 403, 401),
            new Row("POST", "/api/v1/orders", order("m_other"), 201, 201, 400, 403, 401),
            new Row("GET", "/api/v1/orders", null, 200, 200, 200, 200, 401),
            new Row("GET", "/api/v1/orders/{matrixOrder}", null, 200, 200, 200, 200, 401),
            new Row("GET", "/api/v1/orders/{otherOrder}", null, 200, 200, 404, 200, 401),
            new Row("GET", "/api/v1/orders/{matrixOrder}/history", null, 200, 200, 200, 200, 401),
            new Row("GET", "/api/v1/orders/{otherOrder}/history", null, 200, 200, 404, 200, 401),
            new Row("POST", "/api/v1/orders/{matrixOrder}/cancel", "{\"reason\": \"matrix\"}", 200, 200, 200, 403, 401),
            new Row("POST", "/api/v1/orders/{otherOrder}/cancel", "{\"reason\": \"matrix\"}", 200, 200, 404, 403, 401),
            new Row("POST", "/api/v1/orders/{matrixOrder}/fulfil", "{}", 409, 409, 409, 403, 401),
            new Row("POST", "/api/v1/orders/{matrixOrder}/refunds", "{\"amount\": 100}", 409, 409, 409, 403, 401),
            new Row("POST", "/api/v1/orders/{otherOrder}/refunds", "{\"amount\": 100}", 409, 409, 404, 403, 401),
            new Row("POST", "/api/v1/orders/{otherOrder}/complete", "{}", 409, 409, 404, 403, 401));

    static String order(String merchantId) {
        return """
                {"merchantId": "%s", "currency": "CNY",
                 "items": [{"sku": "TEA-01", "name": "Oolong", "quantity": 1, "unitAmount": 1250}],
                 "customer": {"name": "Li Wei", "email": "li.wei@example.com"}}""".formatted(merchantId);
    }

    static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys keys;

    @Autowired
    Merchants merchants;

    final Map<Role, String> keyOf = new EnumMap<>(Role.class);
    final Map<String, Supplier<String>> placeholders = new LinkedHashMap<>();
    final AtomicInteger unique = new AtomicInteger();

    @BeforeAll
    void fixtures() {
        for (String id : List.of("m_matrix", "m_other")) {
            if (merchants.find(id).isEmpty()) {
                merchants.create(id, id, "en", "UTC", "test");
            }
        }
        for (Role role : Role.values()) {
            keyOf.put(role, keys.create(role, role == Role.MERCHANT ? "m_matrix" : null, "matrix " + role, "test")
                    .secret());
        }
        placeholders.put("unique", () -> "matrix" + unique.incrementAndGet());
        // A fresh unpaid order for every call, so a cancel in one case does not change the next.
        placeholders.put("matrixOrder", () -> createOrder("m_matrix"));
        placeholders.put("otherOrder", () -> createOrder("m_other"));
        placeholders.put("revocableKey", () -> keys.create(Role.AUDITOR, null, "to revoke", "test").key().id());
    }

    @TestFactory
    Stream<DynamicTest> everyRoleGetsTheExpectedStatusOnEveryEndpoint() {
        return ROWS.stream().flatMap(row -> {
            var expected = new LinkedHashMap<String, Integer>();
            expected.put("admin", row.admin());
            expected.put("operator", row.operator());
            expected.put("merchant", row.merchant());
            expected.put("auditor", row.auditor());
            expected.put("none", row.none());
            return expected.entrySet().stream().map(e -> DynamicTest.dynamicTest(
                    row.method() + " " + row.path() + " as " + e.getKey() + " -> " + e.getValue(),
                    () -> {
                        Api api = Api.at(port).header("Idempotency-Key", "matrix-" + unique.incrementAndGet());
                        if (!e.getKey().equals("none")) {
                            api = api.as(keyOf.get(Role.fromWire(e.getKey())));
                        }
                        var response = api.send(row.method(), fill(row.path()),
                                row.body() == null ? null : fill(row.body()),
                                row.body() == null ? null : "application/json");
                        assertThat(response.status()).as(response.toString()).isEqualTo(e.getValue());
                        if (e.getValue() == 403) {
                            assertThat(response.code()).isEqualTo("forbidden");
                        } else if (e.getValue() == 401) {
                            assertThat(response.code()).isEqualTo("unauthenticated");
                        } else if (e.getValue() == 404) {
                            assertThat(response.code()).isEqualTo("not_found");
                        } else if (e.getValue() == 409) {
                            assertThat(response.code()).isEqualTo("illegal_transition");
                        }
                    }));
        });
    }

    String createOrder(String merchantId) {
        var response = Api.at(port).asAdmin().header("Idempotency-Key", "matrix-fixture-" + unique.incrementAndGet())
                .post("/api/v1/orders", order(merchantId));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("id").asString();
    }

    String fill(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        var out = new StringBuilder();
        while (m.find()) {
            var supplier = placeholders.get(m.group(1));
            if (supplier == null) {
                throw new IllegalArgumentException("no placeholder {" + m.group(1) + "}: add it in fixtures()");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(supplier.get()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
