package io.orderkeep.order;

import io.orderkeep.support.Api;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Small helpers that keep order tests short: a fresh merchant, its key, a valid order body, a create. */
public final class OrderFixtures {

    private OrderFixtures() {}

    /** A new merchant (zh-CN, Asia/Shanghai) with a unique id. */
    public static String newMerchant(Api api) {
        String id = "m_" + UUID.randomUUID().toString().substring(0, 8);
        var response = api.asAdmin().post("/api/v1/merchants",
                Map.of("id", id, "name", "Tea " + id, "defaultLocale", "zh-CN", "timeZone", "Asia/Shanghai"));
        if (response.status() != 201) {
            throw new IllegalStateException("cannot create merchant: " + response);
        }
        return id;
    }

    public static String key(Api api, String role, String merchantId) {
        var body = new LinkedHashMap<String, Object>(Map.of("role", role, "name", role + " key"));
        if (merchantId != null) {
            body.put("merchantId", merchantId);
        }
        var response = api.asAdmin().post("/api/v1/keys", body);
        if (response.status() != 201) {
            throw new IllegalStateException("cannot create key: " + response);
        }
        return response.json().path("key").asString();
    }

    /** The order of API.md's example, for this merchant; mutable, so a test can break one field. */
    public static Map<String, Object> order(String merchantId) {
        var body = new LinkedHashMap<String, Object>();
        body.put("merchantId", merchantId);
        body.put("currency", "CNY");
        body.put("items", List.of(new LinkedHashMap<>(Map.of("sku", "TEA-01", "name", "Oolong 100g", "quantity", 2, "unitAmount", 1250))));
        body.put("customer", new LinkedHashMap<>(Map.of("name", "Li Wei", "email", "li.wei@example.com", "phone", "+8613800138000")));
        body.put("shippingAddress", new LinkedHashMap<>(Map.of("country", "CN", "city", "Hangzhou", "line1", "1 West Lake Rd", "postalCode", "310000")));
        body.put("payment", Map.of("provider", "sandbox"));
        body.put("metadata", Map.of("channel", "mini-program"));
        return body;
    }

    public static Api.Response create(Api api, Object body) {
        return api.header("Idempotency-Key", UUID.randomUUID().toString()).post("/api/v1/orders", body);
    }

    /** Creates the order and returns its id, failing loudly if it was not created. */
    public static String created(Api api, Object body) {
        var response = create(api, body);
        if (response.status() != 201) {
            throw new IllegalStateException("order not created: " + response);
        }
        return response.json().path("id").asString();
    }
}
