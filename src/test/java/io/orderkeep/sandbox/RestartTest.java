package io.orderkeep.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class RestartTest {

    @TempDir
    Path dir;

    NotifyReceiver receiver = new NotifyReceiver();
    SandboxServer sandbox;

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
        receiver.close();
    }

    @Test
    void paymentsRefundsAndPendingNotificationsSurviveARestart() {
        var config = Sandboxes.config(dir).withNotifyRetrySchedule(Sandboxes.retries(50, Duration.ofMillis(100)));
        receiver.answer(503);
        sandbox = SandboxServer.start(config);
        var client = new SandboxClient(sandbox.url());
        String ref = client.createPayment("pay_r1", 2500, receiver.url()).get("providerRef").asString();
        client.pay(ref, "SUCCEEDED");
        client.post("/v1/payments/" + ref + "/refunds", "{\"amount\": 500, \"refundId\": \"rf-r1\"}");
        await().atMost(Duration.ofSeconds(5)).until(() -> NotificationsTest.notifications(client, ref).valueStream()
                .allMatch(n -> n.get("attempts").asInt() >= 1 && n.get("state").asString().equals("PENDING")));

        sandbox.close();
        int refusedBeforeRestart = receiver.received().size();
        receiver.answer(204);
        sandbox = SandboxServer.start(config);
        var restarted = new SandboxClient(sandbox.url());

        JsonNode payment = restarted.get("/v1/payments/" + ref).json();
        assertThat(payment.get("status").asString()).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(payment.get("refundedAmount").asLong()).isEqualTo(500);
        assertThat(payment.get("refunds")).hasSize(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> NotificationsTest.notifications(restarted, ref)
                .valueStream().allMatch(n -> n.get("state").asString().equals("DELIVERED")));
        assertThat(receiver.received().subList(refusedBeforeRestart, receiver.received().size()))
                .map(r -> r.json().get("status").asString())
                .contains("SUCCEEDED", "PARTIALLY_REFUNDED");
        assertThat(restarted.post("/v1/payments", """
                {"outTradeNo": "pay_r1", "amount": 2500, "currency": "CNY", "notifyUrl": "%s"}"""
                .formatted(receiver.url())).json().get("providerRef").asString()).isEqualTo(ref);
        assertThat(restarted.post("/v1/payments/" + ref + "/refunds", "{\"amount\": 500, \"refundId\": \"rf-r1\"}")
                .status()).isEqualTo(200);
    }

    @Test
    void stoppingLetsAHeldQueryGo() {
        sandbox = SandboxServer.start(Sandboxes.config(dir)
                .withFaults(new Faults(0, 0, 0, 0, 0, 1, 0))
                .withQueryHold(Duration.ofMinutes(5)));
        var client = new SandboxClient(sandbox.url());
        String ref = client.createPayment("pay_r2", 100, receiver.url()).get("providerRef").asString();
        CompletableFuture<?> held = CompletableFuture.runAsync(() -> {
            try {
                client.get("/v1/payments/" + ref, Duration.ofMinutes(1));
            } catch (Exception e) {
                // The connection closing under the held query is one of the two ways it may end.
                assertThat(e).isInstanceOf(java.io.IOException.class);
            }
        });
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> !held.isDone());

        sandbox.close();

        await().atMost(Duration.ofSeconds(5)).until(held::isDone);
    }
}
