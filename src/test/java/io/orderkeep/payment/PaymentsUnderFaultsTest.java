package io.orderkeep.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderkeep.sandbox.Faults;
import io.orderkeep.support.DatabaseTest;
import io.orderkeep.support.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * Orders paid or failed at random while the sandbox misbehaves, one fault at a time and all together: in the end
 * every order says what the sandbox's own ledger says, nothing was charged twice, no terminal status moved back,
 * and forged notifications changed nothing.
 */
@DatabaseTest
@Import(PaymentWorld.Config.class)
class PaymentsUnderFaultsTest extends PaymentTestSupport {

    static final Set<String> TERMINAL = Set.of("CANCELLED", "EXPIRED", "REFUNDED");

    static Stream<Arguments> faults() {
        int few = TestDatabase.postgres() ? 12 : 30;
        int many = TestDatabase.postgres() ? 60 : 200;
        return Stream.of(
                Arguments.of("drop 30 %", new Faults(0.3, 0, 0, 0, 0, 0, 0), few),
                Arguments.of("duplicate 30 %", new Faults(0, 0.3, 0, 0, 0, 0, 0), few),
                Arguments.of("delay up to 30 s, so out of order", new Faults(0, 0.3, 0, 30_000, 0, 0, 0), few),
                Arguments.of("bad signatures 2 %", new Faults(0, 0, 0, 0, 0.02, 0, 0), few),
                Arguments.of("query timeouts 10 %", new Faults(0.3, 0, 0, 0, 0, 0.1, 0), few),
                Arguments.of("fail after charge 2 %", new Faults(0, 0, 0, 0, 0, 0, 0.02), few),
                Arguments.of("all together", new Faults(0.3, 0.3, 0, 30_000, 0.02, 0.1, 0.02), many));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void everyOrderEndsAsTheSandboxSays(String name, Faults faults, int count) {
        PaymentWorld.SANDBOX.setFaults(faults);
        var random = new Random(name.hashCode());
        List<String> orderIds = new ArrayList<>();
        Map<String, String> paymentOf = new HashMap<>();
        for (int i = 0; i < count; i++) {
            JsonNode order = newOrder(100 + random.nextInt(10_000));
            orderIds.add(order.path("id").asString());
            paymentOf.put(order.path("id").asString(), order.path("payment").path("id").asString());
        }
        Map<String, JsonNode> ledger = sandboxLedger();
        for (String orderId : orderIds) {
            JsonNode payment = ledger.get(paymentOf.get(orderId));
            assertThat(payment).as("the sandbox has the payment of " + orderId).isNotNull();
            sandbox("POST", "/v1/payments/" + payment.path("providerRef").asString() + "/pay",
                    "{\"outcome\": \"" + (random.nextInt(3) == 0 ? "FAILED" : "SUCCEEDED") + "\"}");
        }
        if (faults.badSignature() > 0) {
            // Besides the sandbox's own bad signatures (random, so perhaps none in a small run): a forged
            // "succeeded" for every order, which must be refused and change nothing.
            int rejectedBefore = audited("payment.notification_rejected", "sandbox");
            for (String orderId : orderIds) {
                JsonNode payment = ledger.get(paymentOf.get(orderId));
                var forged = notifyAs("not-" + PaymentWorld.SECRET, notification(paymentOf.get(orderId), "SUCCEEDED",
                        payment.path("amount").asLong(), "CNY"));
                assertThat(forged.status()).isEqualTo(401);
            }
            assertThat(audited("payment.notification_rejected", "sandbox")).isGreaterThanOrEqualTo(rejectedBefore + count);
        }

        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(50)).until(() -> {
            tick(Duration.ofSeconds(30));
            return openAttempts(orderIds) == 0;
        });

        PaymentWorld.calm();
        Map<String, JsonNode> truth = sandboxLedger();
        for (String orderId : orderIds) {
            String paymentId = paymentOf.get(orderId);
            JsonNode order = order(orderId);
            String sandboxStatus = truth.get(paymentId).path("status").asString();
            String expected = switch (sandboxStatus) {
                case "SUCCEEDED" -> "PAID";
                case "CLOSED" -> "EXPIRED";
                default -> order.path("status").asString().equals("EXPIRED") ? "EXPIRED" : "PENDING_PAYMENT";
            };
            assertThat(order.path("status").asString()).as(orderId + " with sandbox " + sandboxStatus).isEqualTo(expected);
            assertThat(order.path("payment").path("status").asString()).as(orderId)
                    .isEqualTo(switch (sandboxStatus) {
                        case "CLOSED" -> "CANCELLED";
                        default -> sandboxStatus;
                    });
            assertThat(order.path("needsAttention").asBoolean()).as(orderId + " needs attention").isFalse();
            assertNoTerminalStatusMovedBack(orderId);
        }
        assertNothingChargedTwice(orderIds);
    }

    /** The sandbox's own ledger, every payment by its outTradeNo (the listing is not subject to query faults). */
    Map<String, JsonNode> sandboxLedger() {
        var payments = new HashMap<String, JsonNode>();
        String cursor = null;
        do {
            JsonNode page = sandbox("GET", "/v1/payments?limit=200" + (cursor == null ? "" : "&cursor=" + cursor), null).json();
            page.path("data").forEach(p -> {
                assertThat(payments.put(p.path("outTradeNo").asString(), p)).as("one sandbox payment per outTradeNo").isNull();
            });
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
        } while (cursor != null);
        return payments;
    }

    int openAttempts(List<String> orderIds) {
        return orderIds.stream().mapToInt(id -> jdbc.sql("SELECT COUNT(*) FROM payment_attempts WHERE order_id = ? "
                + "AND status IN ('PENDING', 'UNKNOWN')").param(id).query(Integer.class).single()).sum();
    }

    void assertNoTerminalStatusMovedBack(String orderId) {
        JsonNode body = api.get("/api/v1/orders/" + orderId + "/history").json();
        JsonNode events = body.has("data") ? body.path("data") : body;
        boolean paid = false;
        boolean terminal = false;
        for (JsonNode event : events) {
            String to = event.path("toStatus").asString(null);
            if (to == null || to.equals(event.path("fromStatus").asString(null))) {
                continue;
            }
            assertThat(terminal).as(orderId + " moved after a terminal status to " + to).isFalse();
            assertThat(paid && to.equals("PENDING_PAYMENT")).as(orderId + " went back from PAID").isFalse();
            paid |= to.equals("PAID");
            terminal |= TERMINAL.contains(to);
        }
    }

    void assertNothingChargedTwice(List<String> orderIds) {
        Map<String, JsonNode> ledger = sandboxLedger();
        for (String orderId : orderIds) {
            List<String> attempts = jdbc.sql("SELECT id FROM payment_attempts WHERE order_id = ?").param(orderId)
                    .query(String.class).list();
            long charged = attempts.stream().map(ledger::get).filter(p -> p != null
                    && Set.of("SUCCEEDED", "PARTIALLY_REFUNDED", "REFUNDED").contains(p.path("status").asString())).count();
            assertThat(charged).as(orderId + " charged").isLessThanOrEqualTo(1);
        }
    }
}
