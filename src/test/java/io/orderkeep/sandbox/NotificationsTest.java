package io.orderkeep.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderkeep.sandbox.core.Signer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class NotificationsTest {

    @TempDir
    Path dir;

    SandboxServer sandbox;
    NotifyReceiver receiver = new NotifyReceiver();

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
        receiver.close();
    }

    @Test
    void signsTheKnownTestVector() {
        // Computed independently: printf '%s' '1732500000.{"a":1}' | openssl dgst -sha256 -hmac secret
        assertThat(Signer.sign("secret", 1732500000L, "{\"a\":1}"))
                .isEqualTo("v1=ebdc0742a85ba13d7e7ce8974c7628264257c8f500a8282cd4236f27fc2ec55a");
        // printf '%s' '1764000000.{"eventId":"evt_1","status":"SUCCEEDED"}' | openssl dgst -sha256 -hmac sandbox-test-secret
        assertThat(Signer.sign(Sandboxes.SECRET, 1764000000L, "{\"eventId\":\"evt_1\",\"status\":\"SUCCEEDED\"}"))
                .isEqualTo("v1=61b0b64d4e488824247aece044d23732db27ddd25f7dbcdeb07efd50bca0b48e");
    }

    @Test
    void aPaymentThatSucceedsIsNotifiedSignedWithTheSecret() throws Exception {
        sandbox = SandboxServer.start(Sandboxes.config(dir));
        var client = new SandboxClient(sandbox.url());
        String ref = client.createPayment("pay_n1", 2500, receiver.url()).get("providerRef").asString();

        client.pay(ref, "SUCCEEDED");

        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 1);
        NotifyReceiver.Received notification = receiver.received().getFirst();
        assertThat(notification.signature()).isEqualTo(
                expectedSignature(Sandboxes.SECRET, notification.timestamp(), notification.body()));
        assertThat(Long.parseLong(notification.timestamp()))
                .isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(60L));
        JsonNode body = notification.json();
        assertThat(body.get("eventId").asString()).isEqualTo(notification.eventId()).startsWith("evt_");
        assertThat(body.get("providerRef").asString()).isEqualTo(ref);
        assertThat(body.get("outTradeNo").asString()).isEqualTo("pay_n1");
        assertThat(body.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(body.get("amount").asLong()).isEqualTo(2500);
        assertThat(body.get("currency").asString()).isEqualTo("CNY");
        assertThat(body.get("occurredAt").asString())
                .isEqualTo(client.get("/v1/payments/" + ref).json().get("paidAt").asString());
    }

    @Test
    void everyStatusChangeIsNotified() {
        sandbox = SandboxServer.start(Sandboxes.config(dir));
        var client = new SandboxClient(sandbox.url());
        String failed = client.createPayment("pay_n2", 100, receiver.url()).get("providerRef").asString();
        String closed = client.createPayment("pay_n3", 100, receiver.url()).get("providerRef").asString();
        String refunded = client.createPayment("pay_n4", 100, receiver.url()).get("providerRef").asString();

        client.pay(failed, "FAILED");
        client.post("/v1/payments/" + closed + "/close", "");
        client.pay(refunded, "SUCCEEDED");
        client.post("/v1/payments/" + refunded + "/refunds", "{\"amount\": 40}");
        client.post("/v1/payments/" + refunded + "/refunds", "{\"amount\": 60}");

        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 5);
        assertThat(receiver.receivedFor(failed)).map(r -> r.json().get("status").asString()).containsExactly("FAILED");
        assertThat(receiver.receivedFor(closed)).map(r -> r.json().get("status").asString()).containsExactly("CLOSED");
        assertThat(receiver.receivedFor(refunded)).map(r -> r.json().get("status").asString())
                .containsExactlyInAnyOrder("SUCCEEDED", "PARTIALLY_REFUNDED", "REFUNDED");
    }

    @Test
    void aNotificationIsRetriedOnNon2xxUntilAccepted() {
        sandbox = SandboxServer.start(Sandboxes.config(dir));
        var client = new SandboxClient(sandbox.url());
        String ref = client.createPayment("pay_n5", 2500, receiver.url()).get("providerRef").asString();
        receiver.answerNext(500, 503);

        client.pay(ref, "SUCCEEDED");

        await().atMost(Duration.ofSeconds(5)).until(() ->
                notifications(client, ref).get(0).get("state").asString().equals("DELIVERED"));
        assertThat(receiver.received()).hasSize(3);
        assertThat(receiver.countByEventId()).hasSize(1);
        JsonNode record = notifications(client, ref).get(0);
        assertThat(record.get("attempts").asInt()).isEqualTo(3);
        assertThat(record.get("lastStatus").asInt()).isEqualTo(204);
    }

    @Test
    void aNotificationIsRetriedOnConnectionFailureAndGivenUpAfterTheSchedule() {
        sandbox = SandboxServer.start(Sandboxes.config(dir).withNotifyRetrySchedule(
                Sandboxes.retries(2, Duration.ofMillis(20))));
        var client = new SandboxClient(sandbox.url());
        String deadUrl = receiver.url();
        receiver.close();
        String ref = client.createPayment("pay_n6", 2500, deadUrl).get("providerRef").asString();

        client.pay(ref, "SUCCEEDED");

        await().atMost(Duration.ofSeconds(10)).until(() ->
                notifications(client, ref).get(0).get("state").asString().equals("GAVE_UP"));
        JsonNode record = notifications(client, ref).get(0);
        assertThat(record.get("attempts").asInt()).isEqualTo(3);
        assertThat(record.get("lastError").asString()).contains("ConnectException");
    }

    @Test
    void aReceiverThatRejectsBadSignaturesGetsACorrectlySignedRetry() {
        sandbox = SandboxServer.start(Sandboxes.config(dir)
                .withFaults(new Faults(0, 0.5, 0, 50, 0.5, 0, 0))
                .withNotifyRetrySchedule(Sandboxes.retries(40, Duration.ofMillis(10))));
        var client = new SandboxClient(sandbox.url());
        receiver.rejectBadSignaturesOf(Sandboxes.SECRET);
        var refs = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> client.createPayment("pay_bulk_" + i, 100 + i, receiver.url()).get("providerRef")
                        .asString())
                .toList();

        refs.forEach(ref -> client.pay(ref, "SUCCEEDED"));

        await().atMost(Duration.ofSeconds(20)).until(() -> refs.stream().allMatch(ref ->
                notifications(client, ref).valueStream().allMatch(n -> n.get("state").asString().equals("DELIVERED"))));
        assertThat(receiver.verified(Sandboxes.SECRET)).map(r -> r.json().get("providerRef").asString())
                .containsAll(refs);
        assertThat(receiver.received().size()).isGreaterThan(receiver.verified(Sandboxes.SECRET).size());
    }

    static JsonNode notifications(SandboxClient client, String ref) {
        return client.get("/v1/payments/" + ref + "/notifications").json().get("data");
    }

    /** The receiver's own check, written independently of the sandbox's signing code. */
    static String expectedSignature(String secret, String timestamp, String body) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "v1=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }
}
