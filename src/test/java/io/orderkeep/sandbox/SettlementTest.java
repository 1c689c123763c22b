package io.orderkeep.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.support.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettlementTest {

    private static final String HEADER =
            "transaction_id,provider_ref,out_trade_no,type,status,amount,currency,fee,occurred_at";
    private static final String NOTIFY = "http://127.0.0.1:9/notify";

    @TempDir
    Path dir;

    /** 2026-11-21 23:59:59 in Shanghai, one second before the day ends there (it is still 15:59:59 UTC). */
    MutableClock clock = new MutableClock(Instant.parse("2026-11-21T15:59:59Z"));
    SandboxServer sandbox;
    SandboxClient client;

    @BeforeEach
    void start() {
        sandbox = SandboxServer.start(Sandboxes.config(dir).withClock(clock));
        client = new SandboxClient(sandbox.url());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void daysBeginAndEndInTheSandboxesTimeZone() {
        String lastOfDay = paid("pay_s1", 2500);
        clock.advance(Duration.ofSeconds(1));
        String firstOfNextDay = paid("pay_s2", 1250);

        List<String> nov21 = csv("2026-11-21");
        List<String> nov22 = csv("2026-11-22");

        assertThat(nov21).hasSize(2);
        assertThat(nov21.get(1)).startsWith("txn_").endsWith(",%s,pay_s1,PAYMENT,SUCCESS,2500,CNY,15,2026-11-21T15:59:59Z"
                .formatted(lastOfDay));
        assertThat(nov22).hasSize(2);
        assertThat(nov22.get(1)).endsWith(",%s,pay_s2,PAYMENT,SUCCESS,1250,CNY,8,2026-11-21T16:00:00Z"
                .formatted(firstOfNextDay));
    }

    @Test
    void refundsAreRowsOfTheDayTheyWereMadeAndUnpaidPaymentsAreNot() {
        String ref = paid("pay_s3", 10000);
        client.createPayment("pay_s4_pending", 500, NOTIFY);
        String failed = client.createPayment("pay_s5_failed", 500, NOTIFY).get("providerRef").asString();
        client.pay(failed, "FAILED");
        clock.advance(Duration.ofHours(2));
        client.post("/v1/payments/" + ref + "/refunds", "{\"amount\": 3000, \"refundId\": \"rf-s3\"}");
        clock.advance(Duration.ofMinutes(1));
        client.post("/v1/payments/" + ref + "/refunds", "{\"amount\": 7000, \"refundId\": \"rf-s3b\"}");

        List<String> nov21 = csv("2026-11-21");
        List<String> nov22 = csv("2026-11-22");

        assertThat(nov21).hasSize(2);
        assertThat(nov21.get(1)).contains(",pay_s3,PAYMENT,SUCCESS,10000,CNY,60,");
        assertThat(nov22).containsExactly(HEADER,
                "rf-s3," + ref + ",pay_s3,REFUND,SUCCESS,3000,CNY,0,2026-11-21T17:59:59Z",
                "rf-s3b," + ref + ",pay_s3,REFUND,SUCCESS,7000,CNY,0,2026-11-21T18:00:59Z");
    }

    @Test
    void aDayWithoutActivityHasOnlyTheHeaderAndABadDateIsRefused() {
        var response = client.get("/v1/settlements/2026-01-01.csv");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> t.startsWith("text/csv"));
        assertThat(response.body()).isEqualTo(HEADER + "\n");
        assertThat(client.get("/v1/settlements/2026-13-01.csv").status()).isEqualTo(400);
        assertThat(client.get("/v1/settlements/yesterday.csv").code()).isEqualTo("validation_failed");
    }

    private String paid(String outTradeNo, long amount) {
        String ref = client.createPayment(outTradeNo, amount, NOTIFY).get("providerRef").asString();
        client.pay(ref, "SUCCEEDED");
        return ref;
    }

    private List<String> csv(String day) {
        var response = client.get("/v1/settlements/" + day + ".csv");
        assertThat(response.status()).isEqualTo(200);
        List<String> lines = response.body().lines().toList();
        assertThat(lines.getFirst()).isEqualTo(HEADER);
        return lines;
    }
}
