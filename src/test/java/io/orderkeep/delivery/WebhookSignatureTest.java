package io.orderkeep.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.delivery.domain.WebhookSignature;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Both Orderkeep's signer and the test's own verifier agree with the spec's published test vector. */
class WebhookSignatureTest {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final String PAYLOAD = "{\"test\": 2432232314}";
    static final String EXPECTED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    /** The receiver's clock when the vector's message arrives: its own timestamp. */
    static final Instant SIGNED = Instant.ofEpochSecond(1614265330L);

    @Test
    void signerMatchesTheStandardWebhooksTestVector() {
        assertThat(WebhookSignature.sign(List.of(SECRET), ID, 1614265330L, PAYLOAD)).isEqualTo(EXPECTED);
    }

    @Test
    void testVerifierMatchesTheStandardWebhooksTestVector() {
        assertThat(StandardWebhooks.sign(SECRET, ID, "1614265330", PAYLOAD)).isEqualTo(EXPECTED);
        assertThat(StandardWebhooks.verify(List.of(SECRET), ID, "1614265330", PAYLOAD, EXPECTED, SIGNED)).isTrue();
        assertThat(StandardWebhooks.verify(List.of(SECRET), ID, "1614265331", PAYLOAD, EXPECTED, SIGNED)).isFalse();
    }

    @Test
    void testVerifierRefusesATimestampMoreThanFiveMinutesFromItsClock() {
        for (long off : new long[] {-300, 300}) {
            assertThat(StandardWebhooks.verify(List.of(SECRET), ID, "1614265330", PAYLOAD, EXPECTED, SIGNED.plusSeconds(off)))
                    .as("%d s off", off).isTrue();
        }
        for (long off : new long[] {-301, 301, 86_400}) {
            assertThat(StandardWebhooks.verify(List.of(SECRET), ID, "1614265330", PAYLOAD, EXPECTED, SIGNED.plusSeconds(off)))
                    .as("%d s off", off).isFalse();
        }
        assertThat(StandardWebhooks.verify(List.of(SECRET), ID, "soon", PAYLOAD, EXPECTED, SIGNED)).isFalse();
    }

    @Test
    void duringRotationEverySecretSignsSpaceSeparated() {
        String other = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[24]);
        String header = WebhookSignature.sign(List.of(other, SECRET), ID, 1614265330L, PAYLOAD);
        assertThat(header.split(" ")).hasSize(2).contains(EXPECTED);
        assertThat(StandardWebhooks.verify(List.of(SECRET), ID, "1614265330", PAYLOAD, header, SIGNED)).isTrue();
        assertThat(StandardWebhooks.verify(List.of(other), ID, "1614265330", PAYLOAD, header, SIGNED)).isTrue();
    }
}
