package io.orderkeep.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderkeep.sandbox.Faults;
import io.orderkeep.support.DatabaseTest;
import java.time.Duration;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

@DatabaseTest
@Import(PaymentWorld.Config.class)
class PaymentFlowsHttpTest extends PaymentTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    io.orderkeep.payment.internal.Providers providers;

    static final Faults DROP_ALL = new Faults(1, 0, 0, 0, 0, 0, 0);

    @Test
    void newOrderOpensAPendingPaymentWithPayUrlAndPaymentHop() {
        JsonNode order = newOrder(2500);
        JsonNode payment = order.path("payment");
        assertThat(payment.path("id").asString()).startsWith("pay_");
        assertThat(payment.path("status").asString()).isEqualTo("PENDING");
        assertThat(payment.path("payUrl").asString()).startsWith(PaymentWorld.SANDBOX.url());
        assertThat(payment.path("attempt").asInt()).isEqualTo(1);
        assertThat(truth(payment.path("id").asString()).path("amount").asLong()).isEqualTo(2500);
        assertThat(order.path("hops").toString()).contains("\"payment\"");
    }

    @Test
    void notificationMarksTheOrderPaidAndReturnsThePaymentHop() {
        JsonNode order = newOrder(1800);
        pay(order.path("payment").path("id").asString(), "SUCCEEDED");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> order(order.path("id").asString()).path("status").asString().equals("PAID"));
        JsonNode paid = order(order.path("id").asString());
        assertThat(paid.path("payment").path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(paid.path("unreturned").asBoolean()).isFalse();
    }

    @Test
    void badSignatureIsRefusedAuditedAndChangesNothing() {
        JsonNode order = newOrder(1000);
        String paymentId = order.path("payment").path("id").asString();
        var response = notifyAs("not-the-secret", notification(paymentId, "SUCCEEDED", 1000, "CNY"));
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("invalid_signature");
        assertThat(order(order.path("id").asString()).path("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(audited("payment.notification_rejected", "sandbox")).isPositive();
    }

    @Test
    void amountMismatchFlagsTheOrderAndNeverMarksItPaid() {
        JsonNode order = newOrder(1000);
        String paymentId = order.path("payment").path("id").asString();
        assertThat(notifyAs(PaymentWorld.SECRET, notification(paymentId, "SUCCEEDED", 1, "CNY")).status()).isEqualTo(204);
        JsonNode after = order(order.path("id").asString());
        assertThat(after.path("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(after.path("needsAttention").asBoolean()).isTrue();
    }

    @Test
    void duplicateNotificationChangesNothingMore() {
        JsonNode order = newOrder(1200);
        String paymentId = order.path("payment").path("id").asString();
        String body = notification(paymentId, "SUCCEEDED", 1200, "CNY");
        assertThat(notifyAs(PaymentWorld.SECRET, body).status()).isEqualTo(204);
        assertThat(notifyAs(PaymentWorld.SECRET, body).status()).isEqualTo(204);
        long paidEvents = history(order.path("id").asString()).valueStream()
                .filter(e -> "PAID".equals(e.path("toStatus").asString())).count();
        assertThat(paidEvents).isEqualTo(1);
    }

    @Test
    void theProvidersFirstReferenceStaysWhenANotificationNamesAnother() {
        JsonNode order = newOrder(1300);
        String paymentId = order.path("payment").path("id").asString();
        String reference = order.path("payment").path("providerRef").asString();
        assertThat(reference).isNotBlank().isNotEqualTo("sp_test");
        // Signed with the right secret, but naming a providerRef the provider never gave this payment.
        assertThat(notifyAs(PaymentWorld.SECRET, notification(paymentId, "SUCCEEDED", 1300, "CNY")).status()).isEqualTo(204);
        JsonNode after = order(order.path("id").asString());
        assertThat(after.path("status").asString()).isEqualTo("PAID");
        assertThat(after.path("payment").path("providerRef").asString()).isEqualTo(reference);
    }

    @Test
    void notificationForAnUnknownPaymentIsKeptForReconciliation() {
        var response = notifyAs(PaymentWorld.SECRET, notification("pay_NOBODYKNOWS", "SUCCEEDED", 500, "CNY"));
        assertThat(response.status()).isEqualTo(204);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM orphan_notifications WHERE out_trade_no = 'pay_NOBODYKNOWS'")
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void recheckFindsAPaymentWhoseNotificationWasLost() {
        PaymentWorld.SANDBOX.setFaults(DROP_ALL);
        JsonNode order = newOrder(900);
        pay(order.path("payment").path("id").asString(), "SUCCEEDED");
        var response = api.post("/api/v1/orders/" + order.path("id").asString() + "/recheck");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("status").asString()).isEqualTo("PAID");
    }

    @Test
    void newAttemptOnlyAfterTheLastOneFailed() {
        JsonNode order = newOrder(700);
        String id = order.path("id").asString();
        assertThat(api.post("/api/v1/orders/" + id + "/payments").code()).isEqualTo("payment_not_failed");
        pay(order.path("payment").path("id").asString(), "FAILED");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> order(id).path("payment").path("status").asString().equals("FAILED"));
        var retried = api.post("/api/v1/orders/" + id + "/payments");
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.json().path("payment").path("attempt").asInt()).isEqualTo(2);
        assertThat(retried.json().path("payment").path("status").asString()).isEqualTo("PENDING");
        pay(retried.json().path("payment").path("id").asString(), "SUCCEEDED");
        await().atMost(Duration.ofSeconds(20)).until(() -> order(id).path("status").asString().equals("PAID"));
    }

    @Test
    void everyAttemptTellsTheProviderTheOrdersOwnReferenceElseItsNumber() {
        String merchantRef = "SHOP-" + java.util.UUID.randomUUID();
        JsonNode referenced = newOrder(640, merchantRef);
        JsonNode numbered = newOrder(650);
        String id = numbered.path("id").asString();
        pay(numbered.path("payment").path("id").asString(), "FAILED");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> order(id).path("payment").path("status").asString().equals("FAILED"));
        var retried = api.post("/api/v1/orders/" + id + "/payments").json();

        assertThat(truth(referenced.path("payment").path("id").asString()).path("reference").asString())
                .isEqualTo(merchantRef);
        assertThat(truth(numbered.path("payment").path("id").asString()).path("reference").asString())
                .isEqualTo(numbered.path("number").asString());
        assertThat(truth(retried.path("payment").path("id").asString()).path("reference").asString())
                .isEqualTo(numbered.path("number").asString());
    }

    @Test
    void cancelAsksTheProviderFirstAndRefusesAPaidOrder() {
        PaymentWorld.SANDBOX.setFaults(DROP_ALL);
        JsonNode order = newOrder(600);
        String id = order.path("id").asString();
        pay(order.path("payment").path("id").asString(), "SUCCEEDED");
        var response = api.post("/api/v1/orders/" + id + "/cancel", "{\"reason\": \"changed my mind\"}");
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.code()).isEqualTo("order_paid");
        assertThat(order(id).path("status").asString()).isEqualTo("PAID");
    }

    @Test
    void cancelClosesTheOpenPaymentAtTheProvider() {
        JsonNode order = newOrder(650);
        String id = order.path("id").asString();
        var response = api.post("/api/v1/orders/" + id + "/cancel", "{\"reason\": \"out of stock\"}");
        assertThat(response.status()).isEqualTo(200);
        assertThat(truth(order.path("payment").path("id").asString()).path("status").asString()).isEqualTo("CLOSED");
        assertThat(order(id).path("payment").path("status").asString()).isEqualTo("CANCELLED");
    }

    @Test
    void unpaidOrderExpiresOnlyAfterTheProviderClosedItAndALateSuccessNeedsAttention() {
        JsonNode order = newOrder(800);
        String id = order.path("id").asString();
        String paymentId = order.path("payment").path("id").asString();
        tick(Duration.ofMinutes(29));
        assertThat(order(id).path("status").asString()).isEqualTo("PENDING_PAYMENT");
        // A provider answer lost to a timeout at the window's end only postpones the expiry to the next query.
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                tick(Duration.ofMinutes(2));
                return order(id).path("status").asString().equals("EXPIRED");
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("not expired: " + attemptState(paymentId), e);
        }
        assertThat(truth(paymentId).path("status").asString()).isEqualTo("CLOSED");

        assertThat(notifyAs(PaymentWorld.SECRET, notification(paymentId, "SUCCEEDED", 800, "CNY")).status()).isEqualTo(204);
        JsonNode late = order(id);
        assertThat(late.path("status").asString()).isEqualTo("EXPIRED");
        assertThat(late.path("needsAttention").asBoolean()).isTrue();
        assertThat(history(id).toString()).contains("suggestedRefund");
    }

    @Test
    void exhaustedScheduleFlagsTheOrderAndWritesTheEvent() {
        PaymentWorld.SANDBOX.setFaults(new Faults(0, 0, 0, 0, 0, 1, 0));
        JsonNode order = newOrder(300);
        String id = order.path("id").asString();
        for (int i = 0; i < 10; i++) {
            tick(Duration.ofHours(3));
        }
        JsonNode flagged = order(id);
        assertThat(flagged.path("needsAttention").asBoolean()).isTrue();
        assertThat(flagged.path("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(flagged.path("unreturned").asBoolean()).isTrue();
        assertThat(history(id).toString()).contains("needs_attention");
    }

    @Test
    void adapterRefundsOncePerRefundIdAndFetchesTheSettlementFile() throws Exception {
        PaymentWorld.SANDBOX.setFaults(DROP_ALL);
        JsonNode order = newOrder(2000);
        String paymentId = order.path("payment").path("id").asString();
        pay(paymentId, "SUCCEEDED");
        var sandbox = providers.get("sandbox");
        String ref = truth(paymentId).path("providerRef").asString();
        assertThat(sandbox.refund(ref, "rfd_" + paymentId, 500)).isNotBlank();
        assertThat(sandbox.refund(ref, "rfd_" + paymentId, 500)).isNotBlank();
        assertThat(truth(paymentId).path("refundedAmount").asLong()).isEqualTo(500);
        var day = java.time.LocalDate.ofInstant(PaymentWorld.CLOCK.instant(), java.time.ZoneId.of("Asia/Shanghai"));
        try (var csv = sandbox.settlement(day)) {
            String text = new String(csv.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(text).startsWith("transaction_id,provider_ref,out_trade_no,type,status,amount,currency,fee,occurred_at")
                    .contains(paymentId);
        }
    }

    /** For a failure message: the attempt's row and what the audit trail says about it. */
    String attemptState(String paymentId) {
        return jdbc.sql("SELECT status || ' due=' || COALESCE(due_at, -1) || ' expires=' || expires_at || ' lease='"
                        + " || COALESCE(lease_until, -1) || ' queries=' || query_count FROM payment_attempts WHERE id = ?")
                .param(paymentId).query(String.class).single() + " now=" + PaymentWorld.CLOCK.millis() + " audit="
                + jdbc.sql("SELECT action || ' ' || detail FROM audit_entries WHERE target_id = ? ORDER BY seq")
                .param(paymentId).query(String.class).list();
    }

    JsonNode history(String id) {
        JsonNode body = api.get("/api/v1/orders/" + id + "/history").json();
        return body.has("data") ? body.path("data") : body;
    }
}
