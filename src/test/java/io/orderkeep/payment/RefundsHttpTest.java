package io.orderkeep.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderkeep.support.Api;
import io.orderkeep.support.DatabaseTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/** Refunds through the sandbox, and a failed payment recorded on the order. Same world as {@link PaymentFlowsHttpTest}. */
@DatabaseTest
@Import(PaymentWorld.Config.class)
class RefundsHttpTest extends PaymentTestSupport {

    @Test
    void fullRefundGoesThroughTheProviderAndRefundsTheOrder() {
        JsonNode order = paidOrder(2000);
        String id = order.path("id").asString();
        var refunded = refund(api, id, 2000);
        assertThat(refunded.status()).as(refunded.toString()).isEqualTo(201);
        assertThat(refunded.json().path("status").asString()).isEqualTo("REFUNDED");
        assertThat(truth(order.path("payment").path("id").asString()).path("refundedAmount").asLong()).isEqualTo(2000);
        assertThat(history(id).toString()).contains("order.refunded").contains("ref_");
        await().atMost(Duration.ofSeconds(20)).until(() -> feed().contains("order.refunded"));
    }

    @Test
    void twoPartialRefundsThenNothingLeftToRefund() {
        JsonNode order = paidOrder(1000);
        String id = order.path("id").asString();
        assertThat(refund(api, id, 300).json().path("status").asString()).isEqualTo("PARTIALLY_REFUNDED");
        var over = refund(api, id, 701);
        assertThat(over.status()).isEqualTo(400);
        assertThat(over.code()).isEqualTo("validation_failed");
        assertThat(over.body()).contains("amount");
        assertThat(refund(api, id, 700).json().path("status").asString()).isEqualTo("REFUNDED");
        assertThat(truth(order.path("payment").path("id").asString()).path("refundedAmount").asLong()).isEqualTo(1000);
        long refundEntries = history(id).valueStream().filter(e -> e.toString().contains("order.refunded")).count();
        assertThat(refundEntries).isEqualTo(2);
        assertThat(refund(api, id, 1).code()).isEqualTo("illegal_transition");
    }

    @Test
    void unclearProviderAnswerLeavesTheRefundPendingAndARetryReusesIt() {
        JsonNode order = paidOrder(1500);
        String id = order.path("id").asString();
        PaymentWorld.SANDBOX.setFaults(new io.orderkeep.sandbox.Faults(0, 0, 0, 0, 0, 0, 1));
        var unclear = refund(api, id, 600);
        assertThat(unclear.status()).as(unclear.toString()).isEqualTo(503);
        assertThat(unclear.code()).isEqualTo("unavailable");
        assertThat(unclear.header("Retry-After")).isNotBlank();
        assertThat(pendingRefunds(id)).isEqualTo(1);
        PaymentWorld.calm();
        var retried = refund(api, id, 600);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
        assertThat(retried.json().path("status").asString()).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(pendingRefunds(id)).isZero();
        assertThat(truth(order.path("payment").path("id").asString()).path("refundedAmount").asLong()).isEqualTo(600);
    }

    @Test
    void anotherRefundWaitsWhileOneIsPendingWithTheProvider() {
        JsonNode order = paidOrder(1500);
        String id = order.path("id").asString();
        PaymentWorld.SANDBOX.setFaults(new io.orderkeep.sandbox.Faults(0, 0, 0, 0, 0, 0, 1));
        assertThat(refund(api, id, 600).status()).isEqualTo(503);
        var other = refund(api, id, 300);
        assertThat(other.status()).as(other.toString()).isEqualTo(409);
        assertThat(other.code()).isEqualTo("refund_in_progress");
        assertThat(other.json().path("pendingAmount").asLong()).isEqualTo(600);
        assertThat(other.header("Retry-After")).isNotBlank();
        PaymentWorld.calm();
        assertThat(refund(api, id, 600).status()).isEqualTo(201);
        assertThat(refund(api, id, 300).json().path("status").asString()).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(truth(order.path("payment").path("id").asString()).path("refundedAmount").asLong()).isEqualTo(900);
    }

    @Test
    void twoConcurrentRefundsNeverExceedWhatWasPaid() throws Exception {
        // The same amount twice would be one refund retried (it reuses the pending row); these are two refunds.
        JsonNode order = paidOrder(1000);
        String id = order.path("id").asString();
        var start = new java.util.concurrent.CountDownLatch(1);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            var first = pool.submit(() -> { start.await(); return refund(api, id, 700); });
            var second = pool.submit(() -> { start.await(); return refund(api, id, 600); });
            start.countDown();
            var statuses = java.util.List.of(first.get().status(), second.get().status());
            assertThat(statuses).as(statuses.toString()).containsOnlyOnce(201);
            assertThat(statuses).containsAnyOf(400, 409);
        }
        assertThat(truth(order.path("payment").path("id").asString()).path("refundedAmount").asLong()).isIn(600L, 700L);
        assertThat(order(id).path("needsAttention").asBoolean()).isFalse();
        assertThat(order(id).path("status").asString()).isEqualTo("PARTIALLY_REFUNDED");
    }

    @Test
    void unpaidOrderCannotBeRefundedAndAmountMustBePositive() {
        JsonNode order = newOrder(500);
        String id = order.path("id").asString();
        var unpaid = refund(api, id, 100);
        assertThat(unpaid.status()).isEqualTo(409);
        assertThat(unpaid.code()).isEqualTo("illegal_transition");
        assertThat(unpaid.json().path("currentStatus").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(refund(api, id, 0).code()).isEqualTo("validation_failed");
        assertThat(api.post("/api/v1/orders/" + id + "/refunds", Map.of("amount", 1.5)).code()).isEqualTo("validation_failed");
    }

    @Test
    void merchantRefundsOnlyItsOwnOrdersAndAnAuditorNone() {
        JsonNode order = paidOrder(800);
        String id = order.path("id").asString();
        String other = api.post("/api/v1/merchants", Map.of("id", merchant + "x", "name", "Other",
                "defaultLocale", "en", "timeZone", "UTC")).json().path("id").asString();
        var stranger = Api.at(port).as(key(Map.of("role", "merchant", "merchantId", other)));
        assertThat(refund(stranger, id, 100).status()).isEqualTo(404);
        assertThat(refund(stranger, id, 100).code()).isEqualTo("not_found");
        var auditor = Api.at(port).as(key(Map.of("role", "auditor")));
        assertThat(refund(auditor, id, 100).status()).isEqualTo(403);
        var owner = Api.at(port).as(key(Map.of("role", "merchant", "merchantId", merchant)));
        assertThat(refund(owner, id, 100).json().path("status").asString()).isEqualTo("PARTIALLY_REFUNDED");
    }

    @Test
    void failedPaymentIsRecordedOnTheOrderWhichMayPayAgain() {
        JsonNode order = newOrder(900);
        String id = order.path("id").asString();
        pay(order.path("payment").path("id").asString(), "FAILED");
        await().atMost(Duration.ofSeconds(20)).until(() -> history(id).toString().contains("order.payment_failed"));
        assertThat(order(id).path("status").asString()).isEqualTo("PENDING_PAYMENT");
        long failedEntries = history(id).valueStream().filter(e -> e.toString().contains("order.payment_failed")).count();
        assertThat(failedEntries).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> feed().contains("order.payment_failed"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> order(id).path("payment").path("status").asString().equals("FAILED"));
        assertThat(api.post("/api/v1/orders/" + id + "/payments").status()).isEqualTo(201);
    }

    private JsonNode paidOrder(long amount) {
        JsonNode order = newOrder(amount);
        pay(order.path("payment").path("id").asString(), "SUCCEEDED");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> order(order.path("id").asString()).path("status").asString().equals("PAID"));
        return order;
    }

    private static Api.Response refund(Api as, String id, long amount) {
        return as.post("/api/v1/orders/" + id + "/refunds", Map.of("amount", amount, "reason", "customer returned it"));
    }

    private String key(Map<String, String> body) {
        return api.post("/api/v1/keys", body).json().path("key").asString();
    }

    private int pendingRefunds(String orderId) {
        return jdbc.sql("SELECT COUNT(*) FROM refunds WHERE order_id = ? AND status = 'PENDING'").param(orderId)
                .query(Integer.class).single();
    }

    private String feed() {
        return api.get("/api/v1/events?limit=200&merchantId=" + merchant).body();
    }

    private JsonNode history(String id) {
        JsonNode body = api.get("/api/v1/orders/" + id + "/history").json();
        return body.has("data") ? body.path("data") : body;
    }
}
