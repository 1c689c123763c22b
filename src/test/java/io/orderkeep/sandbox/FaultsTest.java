package io.orderkeep.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.orderkeep.sandbox.core.FaultDice;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class FaultsTest {

    @TempDir
    Path dir;

    SandboxServer sandbox;
    SandboxClient client;
    NotifyReceiver receiver = new NotifyReceiver();

    @BeforeEach
    void start() {
        sandbox = SandboxServer.start(Sandboxes.config(dir));
        client = new SandboxClient(sandbox.url());
    }

    @AfterEach
    void stop() {
        sandbox.close();
        receiver.close();
    }

    @Test
    void faultsAreReadAndReplacedAtRunTime() {
        var set = client.post("/v1/faults", """
                {"dropNotify": 0.2, "duplicateNotify": 0.2, "delayNotifyMs": [0, 30000], "badSignature": 0.01,
                 "queryTimeout": 0.05, "failAfterCharge": 0.02}""");
        JsonNode read = client.get("/v1/faults").json();
        var replaced = client.post("/v1/faults", "{\"dropNotify\": 0.5}");

        assertThat(set.status()).isEqualTo(200);
        assertThat(read.get("dropNotify").asDouble()).isEqualTo(0.2);
        assertThat(read.get("delayNotifyMs").get(1).asLong()).isEqualTo(30000);
        assertThat(read.get("failAfterCharge").asDouble()).isEqualTo(0.02);
        assertThat(replaced.json().get("duplicateNotify").asDouble()).isZero();
        assertThat(sandbox.faults().dropNotify()).isEqualTo(0.5);
    }

    @Test
    void invalidFaultsAreRefusedAndChangeNothing() {
        sandbox.setFaults(new Faults(0.1, 0, 0, 0, 0, 0, 0));

        var tooLikely = client.post("/v1/faults", "{\"dropNotify\": 1.5}");
        var badRange = client.post("/v1/faults", "{\"delayNotifyMs\": [500, 100]}");
        var unknown = client.post("/v1/faults", "{\"explode\": 1}");

        assertThat(tooLikely.status()).isEqualTo(400);
        assertThat(tooLikely.json().at("/errors/0/field").asString()).isEqualTo("dropNotify");
        assertThat(badRange.json().at("/errors/0/field").asString()).isEqualTo("delayNotifyMs");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(sandbox.faults().dropNotify()).isEqualTo(0.1);
    }

    @Test
    void aDroppedNotificationIsNeverSent() {
        String dropped = client.createPayment("pay_f1", 100, receiver.url()).get("providerRef").asString();
        String sent = client.createPayment("pay_f2", 100, receiver.url()).get("providerRef").asString();

        sandbox.setFaults(new Faults(1, 0, 0, 0, 0, 0, 0));
        client.pay(dropped, "SUCCEEDED");
        sandbox.setFaults(Faults.NONE);
        client.pay(sent, "SUCCEEDED");

        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.receivedFor(sent).size() == 1);
        assertThat(NotificationsTest.notifications(client, dropped).get(0).get("state").asString()).isEqualTo("DROPPED");
        assertThat(receiver.receivedFor(dropped)).isEmpty();
    }

    @Test
    void aDuplicatedNotificationIsSentTwiceWithTheSameEventId() {
        String ref = client.createPayment("pay_f3", 100, receiver.url()).get("providerRef").asString();
        sandbox.setFaults(new Faults(0, 1, 0, 0, 0, 0, 0));

        client.pay(ref, "SUCCEEDED");

        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 2);
        assertThat(receiver.countByEventId()).hasSize(1).containsValue(2L);
    }

    @Test
    void aDelayedNotificationArrivesOnlyAfterItsDelay() {
        String ref = client.createPayment("pay_f4", 100, receiver.url()).get("providerRef").asString();
        sandbox.setFaults(new Faults(0, 0, 700, 700, 0, 0, 0));

        client.pay(ref, "SUCCEEDED");

        await().atLeast(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> receiver.received().size() == 1);
    }

    @Test
    void delaysReorderNotifications() {
        String late = client.createPayment("pay_f5", 100, receiver.url()).get("providerRef").asString();
        String early = client.createPayment("pay_f6", 100, receiver.url()).get("providerRef").asString();

        sandbox.setFaults(new Faults(0, 0, 600, 600, 0, 0, 0));
        client.pay(late, "SUCCEEDED");
        sandbox.setFaults(Faults.NONE);
        client.pay(early, "SUCCEEDED");

        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 2);
        assertThat(receiver.received()).map(r -> r.json().get("providerRef").asString()).containsExactly(early, late);
    }

    @Test
    void aBadSignatureIsMadeWithAnotherKey() throws Exception {
        String ref = client.createPayment("pay_f7", 100, receiver.url()).get("providerRef").asString();
        sandbox.setFaults(new Faults(0, 0, 0, 0, 1, 0, 0));

        client.pay(ref, "SUCCEEDED");

        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 1);
        var notification = receiver.received().getFirst();
        assertThat(notification.signature()).startsWith("v1=").isNotEqualTo(NotificationsTest.expectedSignature(
                Sandboxes.SECRET, notification.timestamp(), notification.body()));
    }

    @Test
    void aTimedOutQueryIsNotAnsweredWithinTheClientsTimeout() throws Exception {
        String ref = client.createPayment("pay_f8", 100, receiver.url()).get("providerRef").asString();
        sandbox.setFaults(new Faults(0, 0, 0, 0, 0, 1, 0));

        assertThatThrownBy(() -> client.get("/v1/payments/" + ref, Duration.ofMillis(300)))
                .isInstanceOf(HttpTimeoutException.class);
        assertThatThrownBy(() -> client.get("/v1/payments?outTradeNo=pay_f8", Duration.ofMillis(300)))
                .isInstanceOf(HttpTimeoutException.class);
        sandbox.setFaults(Faults.NONE);
        assertThat(client.get("/v1/payments/" + ref, Duration.ofMillis(2000)).status()).isEqualTo(200);
    }

    @Test
    void failAfterChargeAnswers500ButTheEffectHappened() {
        sandbox.setFaults(new Faults(0, 0, 0, 0, 0, 0, 1));

        var create = client.post("/v1/payments", """
                {"outTradeNo": "pay_f9", "amount": 100, "currency": "CNY", "notifyUrl": "%s"}""".formatted(receiver.url()));
        String ref = client.get("/v1/payments?outTradeNo=pay_f9").json().get("providerRef").asString();
        var pay = client.post("/v1/payments/" + ref + "/pay", "{\"outcome\": \"SUCCEEDED\"}");
        String paid = client.get("/v1/payments/" + ref).json().get("status").asString();
        var refund = client.post("/v1/payments/" + ref + "/refunds", "{\"amount\": 30, \"refundId\": \"rf-9\"}");

        assertThat(create.status()).isEqualTo(500);
        assertThat(create.code()).isEqualTo("internal_error");
        assertThat(pay.status()).isEqualTo(500);
        assertThat(paid).isEqualTo("SUCCEEDED");
        assertThat(refund.status()).isEqualTo(500);
        assertThat(client.get("/v1/payments/" + ref).json().get("refundedAmount").asLong()).isEqualTo(30);
    }

    @Test
    void theSameSeedStrikesTheSameFaults() {
        var half = new Faults(0.5, 0, 0, 1000, 0, 0, 0);
        var one = new FaultDice(half, 7L);
        var other = new FaultDice(half, 7L);

        var first = IntStream.range(0, 50).mapToObj(i -> one.dropNotify("p" + i) + ":" + one.notifyDelayMs("p" + i))
                .toList();
        var second = IntStream.range(0, 50).map(i -> 49 - i)
                .mapToObj(i -> other.dropNotify("p" + i) + ":" + other.notifyDelayMs("p" + i)).toList().reversed();

        assertThat(first).isEqualTo(second)
                .anyMatch(s -> s.startsWith("true:"))
                .anyMatch(s -> s.startsWith("false:"));
    }
}
