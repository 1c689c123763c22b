package io.orderkeep.provider.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.payment.NotificationVerdict;
import io.orderkeep.payment.ProviderPayment;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SandboxSignatureTest {

    static final String SECRET = "sandbox-development-secret";
    static final String TIMESTAMP = "1764000000";
    static final String BODY = "{\"eventId\":\"evt_test\",\"outTradeNo\":\"pay_test\",\"status\":\"SUCCEEDED\",\"amount\":2500,\"currency\":\"CNY\"}";
    /** Computed outside Java: printf '1764000000.<BODY>' | openssl dgst -sha256 -hmac sandbox-development-secret */
    static final String VECTOR = "v1=0b51a71eafb5ea7721210324b184a3eac33a3f804ba1243d70e831ef7cecc02b";

    final SandboxNotifications notifications = new SandboxNotifications(SECRET, Duration.ofMinutes(5),
            Clock.fixed(Instant.ofEpochSecond(1764000000 + 60), ZoneOffset.UTC), JsonMapper.builder().build());

    @Test
    void signsTheKnownTestVector() {
        assertThat(SandboxSignature.sign(SECRET, TIMESTAMP, bytes(BODY))).isEqualTo(VECTOR);
    }

    @Test
    void acceptsTheKnownTestVectorAndParsesIt() {
        var verdict = notifications.verify(headers(TIMESTAMP, VECTOR), bytes(BODY));
        assertThat(verdict).isInstanceOf(NotificationVerdict.Verified.class);
        var n = ((NotificationVerdict.Verified) verdict).notification();
        assertThat(n.eventId()).isEqualTo("evt_test");
        assertThat(n.outTradeNo()).isEqualTo("pay_test");
        assertThat(n.status()).isEqualTo(ProviderPayment.Status.SUCCEEDED);
        assertThat(n.amount()).isEqualTo(2500);
        assertThat(n.currency()).isEqualTo("CNY");
    }

    @Test
    void rejectsATamperedBody() {
        assertRejected(notifications.verify(headers(TIMESTAMP, VECTOR), bytes(BODY.replace("2500", "2")))
                , "signature does not match");
    }

    @Test
    void rejectsAnotherSecretsSignature() {
        String forged = SandboxSignature.sign("another-secret", TIMESTAMP, bytes(BODY));
        assertRejected(notifications.verify(headers(TIMESTAMP, forged), bytes(BODY)), "signature does not match");
    }

    @Test
    void rejectsAReplayedTimestampOutsideTheTolerance() {
        String old = Long.toString(1764000000 - 3600);
        String signed = SandboxSignature.sign(SECRET, old, bytes(BODY));
        assertRejected(notifications.verify(headers(old, signed), bytes(BODY)), "tolerance");
    }

    @Test
    void rejectsMissingHeadersAndNonJsonBodies() {
        assertRejected(notifications.verify(Map.of(), bytes(BODY)), "missing");
        String signed = SandboxSignature.sign(SECRET, TIMESTAMP, bytes("not json"));
        assertRejected(notifications.verify(headers(TIMESTAMP, signed), bytes("not json")), "not a sandbox notification");
    }

    private static void assertRejected(NotificationVerdict verdict, String reason) {
        assertThat(verdict).isInstanceOfSatisfying(NotificationVerdict.Rejected.class,
                r -> assertThat(r.reason()).contains(reason).doesNotContain(SECRET));
    }

    private static Map<String, String> headers(String timestamp, String signature) {
        var headers = new HashMap<String, String>();
        headers.put("sandbox-event-id", "evt_test");
        headers.put("sandbox-timestamp", timestamp);
        headers.put("sandbox-signature", signature);
        return headers;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
