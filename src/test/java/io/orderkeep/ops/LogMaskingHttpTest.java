package io.orderkeep.ops;

import static io.orderkeep.order.OrderFixtures.created;
import static io.orderkeep.order.OrderFixtures.newMerchant;
import static io.orderkeep.order.OrderFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.support.Api;
import io.orderkeep.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the running application writes to its log never holds a customer's e-mail or phone, a key or a secret. */
@OpsTest
@ExtendWith(OutputCaptureExtension.class)
class LogMaskingHttpTest {

    private static final Logger log = LoggerFactory.getLogger(LogMaskingHttpTest.class);
    private static final String KEY = "ok_5f1c0ffee5f1c0ffee5f1c0ffee5f1c0ffee0123";

    @LocalServerPort
    int port;

    @Test
    void contactDataKeysAndSecretsNeverReachTheLog(CapturedOutput output) {
        Api admin = Api.at(port).asAdmin();
        String merchant = newMerchant(Api.at(port));
        String id = created(admin, order(merchant));
        assertThat(Api.at(port).as(KEY).get("/api/v1/orders/" + id).code()).isEqualTo("unauthenticated");
        admin.get("/api/v1/orders/" + id + "/nothing-here");
        // A careless log statement, as a future change might write one: the masking catches it.
        MDC.put("requestId", "req_test");
        log.warn("customer li.wei@example.com phone +8613800138000 or 13800138000 used key {} and secret {}"
                + " with Authorization: Bearer {}", KEY, "whsec_c2VjcmV0c2VjcmV0c2VjcmV0", KEY);
        MDC.remove("requestId");
        // An exception whose message (and its cause's) quotes what it failed on.
        log.error("could not send", new IllegalStateException("mailbox wang.fang@example.cn refused",
                new RuntimeException("caller +8613912345678 used " + KEY)));

        String logged = output.getAll();
        assertThat(logged).contains("l***@example.com", "+86138****8000", "ok_***", "whsec_***", "[req_test ");
        assertThat(logged).contains("java.lang.IllegalStateException: mailbox w***@example.cn refused",
                "Caused by: java.lang.RuntimeException: caller +86139****5678 used ok_***", "at io.orderkeep.");
        assertThat(logged).doesNotContain("wang.fang", "8613912345678");
        assertThat(logged).doesNotContain("li.wei@example.com", "8613800138000", "13800138000", KEY,
                TestDatabase.ADMIN_KEY, "c2VjcmV0c2VjcmV0");
    }

    @Test
    void requestIdIsEchoedOrMade() {
        var given = Api.at(port).header("X-Request-Id", "req-from-shop-42").get("/api/v1/orders");
        assertThat(given.headers().get("X-Request-Id")).containsExactly("req-from-shop-42");
        var made = Api.at(port).get("/api/v1/orders");
        assertThat(made.headers().get("X-Request-Id").getFirst()).startsWith("req_");
        var unsafe = Api.at(port).header("X-Request-Id", "bad id with spaces").get("/api/v1/orders");
        assertThat(unsafe.headers().get("X-Request-Id").getFirst()).startsWith("req_");
    }
}
