package io.orderkeep.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderkeep.delivery.Receiver;
import io.orderkeep.delivery.webhook.Dispatcher;
import io.orderkeep.sandbox.Faults;
import io.orderkeep.support.Api;
import io.orderkeep.support.DatabaseTest;
import io.orderkeep.support.EvidenceChain;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * The dispute case end to end, against the real sandbox over HTTP and a real webhook receiver: the customer pays,
 * the provider's notification is dropped, the watch's query finds the payment, the merchant's endpoint fails once
 * and gets the events redelivered; the order's evidence export then holds every one of those steps, and its audit
 * chain checks with an independent implementation.
 */
@DatabaseTest
@Import(PaymentWorld.Config.class)
class PaymentEvidenceHttpTest extends PaymentTestSupport {

    @Autowired
    Dispatcher dispatcher;

    @Test
    void evidenceOfAPaymentFoundByQueryAfterADroppedNotificationHoldsEveryStep() {
        try (Receiver receiver = Receiver.start().clock(PaymentWorld.CLOCK)) {
            var endpoint = api.post("/api/v1/webhook-endpoints", Map.of("merchantId", merchant,
                    "url", receiver.url("/hook"), "events", List.of("*")));
            assertThat(endpoint.status()).as(endpoint.toString()).isEqualTo(201);
            receiver.secrets("/hook", endpoint.json().path("secret").asString());
            receiver.script("/hook", Receiver.Reply.status(500));
            PaymentWorld.SANDBOX.setFaults(new Faults(1, 0, 0, 0, 0, 0, 0));

            JsonNode created = newOrder(2300);
            String id = created.path("id").asString();
            String paymentId = created.path("payment").path("id").asString();
            tick(Duration.ofSeconds(31));
            assertThat(order(id).path("status").asString()).as("the first query: not paid yet").isEqualTo("PENDING_PAYMENT");
            pay(paymentId, "SUCCEEDED");
            assertThat(truth(paymentId).path("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(order(id).path("status").asString()).as("the notification was dropped").isEqualTo("PENDING_PAYMENT");
            // The merchant's endpoint answers 500 to the first delivery (order.created).
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                dispatcher.runOnce();
                return !receiver.at("/hook").isEmpty();
            });

            tick(Duration.ofSeconds(30));
            assertThat(order(id).path("status").asString()).as("found by the watch's second query").isEqualTo("PAID");
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                dispatcher.runOnce();
                return jdbc.sql("SELECT COUNT(*) FROM webhook_deliveries WHERE order_id = ? AND status = 'DELIVERED'")
                        .param(id).query(Long.class).single() == 2;
            });
            // Someone forges the provider's notification for this payment: refused, and kept as evidence.
            assertThat(notifyAs("not-the-secret", notification(paymentId, "SUCCEEDED", 2300, "CNY")).status())
                    .isEqualTo(401);
            // The provider's own notification turns up late: verified, and changes nothing.
            String providerRef = jdbc.sql("SELECT provider_ref FROM payment_attempts WHERE id = ?").param(paymentId)
                    .query(String.class).single();
            String late = notification(paymentId, "SUCCEEDED", 2300, "CNY").replace("sp_test", providerRef);
            assertThat(notifyAs(PaymentWorld.SECRET, late).status()).isEqualTo(204);
            // The customer sends part of the tea back.
            var refund = api.post("/api/v1/orders/" + id + "/refunds", Map.of("amount", 800, "reason", "one tin returned"));
            assertThat(refund.status()).as(refund.toString()).isEqualTo(201);
            var sent = receiver.at("/hook");
            assertThat(sent).allMatch(Receiver.Received::verified);
            assertThat(sent.get(0).id()).as("the redelivery is the same event").isEqualTo(sent.get(1).id());

            JsonNode doc = api.get("/api/v1/orders/" + id + "/evidence").json();
            assertThat(doc.path("order").path("status").asString()).isEqualTo("PARTIALLY_REFUNDED");
            assertThat(doc.path("paymentAttempts").get(0).path("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(doc.path("notifications").valueStream().filter(n -> n.has("action"))
                    .map(n -> n.path("action").asString()))
                    .as("the forgery was refused; the provider's late notification was accepted").containsExactly(
                            "payment.notification_rejected", "payment.notification_received");
            JsonNode received = doc.path("notifications").valueStream()
                    .filter(n -> n.path("action").asString().equals("payment.notification_received")).findFirst()
                    .orElseThrow();
            JsonNode receivedDetail = Api.JSON.readTree(received.path("detail").asString());
            assertThat(receivedDetail.path("verdict").asString()).isEqualTo("VERIFIED");
            assertThat(doc.path("notifications").valueStream().map(n -> n.path("eventId").asString()))
                    .as("the provider event it carried").contains(Api.JSON.readTree(late).path("eventId").asString());
            assertThat(receivedDetail.path("body").asString()).as("the raw body, byte for byte").isEqualTo(late);
            assertThat(doc.path("hops").valueStream().map(h -> h.path("name").asString())).contains("PAYMENT");
            JsonNode refunded = doc.path("refunds").get(0);
            assertThat(refunded.path("amount").asLong()).isEqualTo(800);
            assertThat(refunded.path("attemptId").asString()).isEqualTo(paymentId);
            assertThat(refunded.path("status").asString()).isEqualTo("SUCCEEDED");

            List<JsonNode> queries = doc.path("queries").valueStream().toList();
            assertThat(queries).anySatisfy(h -> {
                assertThat(h.path("source").asString()).isEqualTo("query");
                assertThat(h.path("toStatus").asString()).isEqualTo("PAID");
            });
            assertThat(queries).anySatisfy(a -> {
                assertThat(a.path("action").asString()).isEqualTo("payment.query_answered");
                assertThat(Api.JSON.readTree(a.path("detail").asString()).path("reportedStatus").asString())
                        .isEqualTo("PENDING");
            });
            assertThat(queries).anySatisfy(a -> {
                assertThat(a.path("action").asString()).isEqualTo("payment.succeeded");
                assertThat(a.path("actor").asString()).isEqualTo("system");
                JsonNode answer = Api.JSON.readTree(a.path("detail").asString());
                assertThat(answer.path("source").asString()).isEqualTo("query");
                assertThat(answer.path("reportedStatus").asString()).isEqualTo("SUCCEEDED");
                assertThat(answer.path("reportedAmount").asLong()).isEqualTo(2300);
            });

            JsonNode firstDelivery = doc.path("deliveries").get(0);
            assertThat(firstDelivery.path("eventType").asString()).isEqualTo("order.created");
            assertThat(firstDelivery.path("status").asString()).isEqualTo("DELIVERED");
            assertThat(firstDelivery.path("attempts").valueStream().map(a -> a.path("statusCode").asInt()))
                    .containsExactly(500, 200);
            assertThat(firstDelivery.path("attempts").get(0).path("responseBody").asString()).contains("500");
            assertThat(doc.path("deliveries").get(1).path("eventType").asString()).isEqualTo("order.paid");
            assertThat(doc.path("deliveries").get(1).path("attempts").get(0).path("statusCode").asInt()).isEqualTo(200);

            JsonNode audit = doc.path("audit");
            assertThat(audit.path("valid").asBoolean()).isTrue();
            assertThat(EvidenceChain.holds(audit)).isTrue();
            assertThat(audit.path("entries").valueStream().map(e -> e.path("action").asString()))
                    .contains("order.created", "payment.opened", "payment.query_answered", "payment.succeeded");
            assertThat(audit.path("entries").valueStream()
                    .filter(e -> e.path("targetId").asString().equals(refunded.path("refundId").asString()))
                    .map(e -> e.path("action").asString()))
                    .as("the refund's audit entries, filed under the refund").contains("payment.refund_requested");
            String firstDeliveryId = firstDelivery.path("id").asString();
            assertThat(audit.path("entries").valueStream()
                    .filter(e -> e.path("action").asString().equals("webhook_delivery.attempted")
                            && e.path("targetId").asString().equals(firstDeliveryId))
                    .map(e -> Api.JSON.readTree(e.path("detail").asString()).path("statusCode").asInt()))
                    .as("the endpoint's answers are in the chain").containsExactly(500, 200);
            assertThat(api.get("/api/v1/audit/verify").json().path("ok").asBoolean()).isTrue();
        }
    }
}
