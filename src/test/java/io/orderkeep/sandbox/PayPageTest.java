package io.orderkeep.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PayPageTest {

    private static final String NOTIFY = "http://127.0.0.1:9/notify";

    @TempDir
    Path dir;

    SandboxServer sandbox;
    SandboxClient client;

    @BeforeEach
    void start() {
        sandbox = SandboxServer.start(Sandboxes.config(dir));
        client = new SandboxClient(sandbox.url());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void showsTheAmountAndTwoButtonsThatCallThePayEndpoint() {
        String payUrl = client.createPayment("pay_p1", 2500, NOTIFY).get("payUrl").asString();
        String ref = payUrl.substring(payUrl.lastIndexOf('/') + 1);

        var page = client.get(payUrl.substring(sandbox.url().length()), "en-US,en;q=0.8");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).contains("<html lang=\"en\">", "25.00 CNY", "PENDING", "id=\"pay\"", "id=\"fail\"",
                "/v1/payments/" + ref + "/pay", "Pay");
    }

    @Test
    void speaksChineseWhenAskedTo() {
        String ref = client.createPayment("pay_p2", 2500, NOTIFY).get("providerRef").asString();

        var page = client.get("/pay/" + ref, "zh-CN,zh;q=0.9,en;q=0.8");
        var plainZh = client.get("/pay/" + ref, "zh");

        assertThat(page.body()).contains("<html lang=\"zh-CN\">", "沙箱支付", "金额", "支付失败", "25.00 CNY");
        assertThat(plainZh.body()).contains("沙箱支付");
    }

    @Test
    void showsTheFinalStateAfterPaying() {
        String ref = client.createPayment("pay_p3", 500, NOTIFY).get("providerRef").asString();
        client.pay(ref, "FAILED");

        var page = client.get("/pay/" + ref, "en");

        assertThat(page.body()).contains("FAILED", "This payment is finished.").doesNotContain("id=\"pay\"");
    }

    @Test
    void formatsAmountsByTheCurrencysMinorDigits() {
        var created = client.post("/v1/payments", """
                {"outTradeNo": "pay_p4", "amount": 1200, "currency": "JPY", "notifyUrl": "%s"}""".formatted(NOTIFY));

        var page = client.get("/pay/" + created.json().get("providerRef").asString(), "en");

        assertThat(page.body()).contains("1200 JPY");
    }

    @Test
    void anUnknownPaymentHasNoPage() {
        assertThat(client.get("/pay/sbx_unknown", "en").status()).isEqualTo(404);
    }
}
