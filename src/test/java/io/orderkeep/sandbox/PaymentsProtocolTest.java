package io.orderkeep.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class PaymentsProtocolTest {

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
    void createsPendingPaymentWithItsPayPage() {
        var response = client.post("/v1/payments", """
                {"outTradeNo": "pay_001", "amount": 2500, "currency": "CNY", "notifyUrl": "%s"}""".formatted(NOTIFY));

        assertThat(response.status()).isEqualTo(201);
        JsonNode body = response.json();
        String ref = body.get("providerRef").asString();
        assertThat(ref).startsWith("sbx_");
        assertThat(body.get("status").asString()).isEqualTo("PENDING");
        assertThat(body.get("payUrl").asString()).isEqualTo(sandbox.url() + "/pay/" + ref);
    }

    @Test
    void sameOutTradeNoAndAmountGivesTheSamePayment() {
        String first = client.createPayment("pay_002", 2500, NOTIFY).get("providerRef").asString();

        var again = client.post("/v1/payments", """
                {"outTradeNo": "pay_002", "amount": 2500, "currency": "CNY", "notifyUrl": "%s"}""".formatted(NOTIFY));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("providerRef").asString()).isEqualTo(first);
        assertThat(client.get("/v1/payments").json().get("data")).hasSize(1);
    }

    @Test
    void concurrentCreatesWithOneOutTradeNoOpenOnePayment() {
        List<SandboxClient.Response> answers;
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var calls = IntStream.range(0, 16).mapToObj(i -> CompletableFuture.supplyAsync(() ->
                    client.post("/v1/payments", """
                            {"outTradeNo": "pay_race", "amount": 2500, "currency": "CNY", "notifyUrl": "%s"}"""
                            .formatted(NOTIFY)), threads)).toList();
            answers = calls.stream().map(CompletableFuture::join).toList();
        }

        assertThat(answers).map(a -> a.json().get("providerRef").asString()).containsOnly(
                answers.getFirst().json().get("providerRef").asString());
        assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(1);
        assertThat(client.get("/v1/payments").json().get("data")).hasSize(1);
    }

    @Test
    void differentAmountOrCurrencyForAUsedOutTradeNoIsRefused() {
        client.createPayment("pay_003", 2500, NOTIFY);

        var amount = client.post("/v1/payments", """
                {"outTradeNo": "pay_003", "amount": 2600, "currency": "CNY", "notifyUrl": "%s"}""".formatted(NOTIFY));
        var currency = client.post("/v1/payments", """
                {"outTradeNo": "pay_003", "amount": 2500, "currency": "USD", "notifyUrl": "%s"}""".formatted(NOTIFY));

        assertThat(amount.status()).isEqualTo(409);
        assertThat(amount.code()).isEqualTo("out_trade_no_reused");
        assertThat(amount.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(currency.status()).isEqualTo(409);
    }

    @Test
    void invalidCreateNamesEveryBadField() {
        var response = client.post("/v1/payments", """
                {"outTradeNo": "has space", "amount": 12.5, "currency": "cny", "notifyUrl": "ftp://x/y"}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("validation_failed");
        assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("outTradeNo", "amount", "currency", "notifyUrl");
        assertThat(client.get("/v1/payments").json().get("data")).isEmpty();
    }

    @Test
    void missingFieldsStringAmountsAndBadJsonAreRefused() {
        var missing = client.post("/v1/payments", "{}");
        var stringAmount = client.post("/v1/payments", """
                {"outTradeNo": "pay_004", "amount": "2500", "currency": "CNY", "notifyUrl": "%s"}""".formatted(NOTIFY));
        var zero = client.post("/v1/payments", """
                {"outTradeNo": "pay_004", "amount": 0, "currency": "CNY", "notifyUrl": "%s"}""".formatted(NOTIFY));
        var malformed = client.post("/v1/payments", "{\"outTradeNo\": ");

        assertThat(missing.json().get("errors")).hasSize(4);
        assertThat(stringAmount.status()).isEqualTo(400);
        assertThat(stringAmount.json().get("errors").get(0).get("field").asString()).isEqualTo("amount");
        assertThat(zero.status()).isEqualTo(400);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.code()).isEqualTo("malformed_request");
    }

    @Test
    void queriesGiveTheFullStateByProviderRefAndByOutTradeNo() {
        String ref = client.createPayment("pay_005", 2500, NOTIFY).get("providerRef").asString();

        JsonNode byRef = client.get("/v1/payments/" + ref).json();
        JsonNode byOutTradeNo = client.get("/v1/payments?outTradeNo=pay_005").json();

        assertThat(byRef).isEqualTo(byOutTradeNo);
        assertThat(byRef.get("outTradeNo").asString()).isEqualTo("pay_005");
        assertThat(byRef.get("status").asString()).isEqualTo("PENDING");
        assertThat(byRef.get("amount").asLong()).isEqualTo(2500);
        assertThat(byRef.get("currency").asString()).isEqualTo("CNY");
        assertThat(byRef.get("refundedAmount").asLong()).isZero();
        assertThat(byRef.get("createdAt").asString()).endsWith("Z");
        assertThat(byRef.get("paidAt").isNull()).isTrue();
    }

    @Test
    void unknownPaymentsPathsAndMethodsAreAnsweredAsProblems() {
        assertThat(client.get("/v1/payments/sbx_nope").status()).isEqualTo(404);
        assertThat(client.get("/v1/payments?outTradeNo=nope").code()).isEqualTo("not_found");
        assertThat(client.post("/v1/payments/sbx_nope/close", "").status()).isEqualTo(404);
        assertThat(client.get("/v1/nothing").status()).isEqualTo(404);
        assertThat(client.get("/v1/payments/sbx_nope/close").status()).isEqualTo(405);
    }

    @Test
    void payingSucceedsOnceAndPayingAgainChangesNothing() {
        String ref = client.createPayment("pay_006", 2500, NOTIFY).get("providerRef").asString();

        JsonNode paid = client.pay(ref, "SUCCEEDED");
        JsonNode again = client.pay(ref, "SUCCEEDED");

        assertThat(paid.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(paid.get("paidAt").isNull()).isFalse();
        assertThat(again).isEqualTo(paid);
        var failLater = client.post("/v1/payments/" + ref + "/pay", "{\"outcome\": \"FAILED\"}");
        assertThat(failLater.status()).isEqualTo(409);
        assertThat(failLater.code()).isEqualTo("payment_paid");
    }

    @Test
    void aFailedPaymentCannotBePaidLater() {
        String ref = client.createPayment("pay_007", 2500, NOTIFY).get("providerRef").asString();

        assertThat(client.pay(ref, "FAILED").get("status").asString()).isEqualTo("FAILED");
        var payLater = client.post("/v1/payments/" + ref + "/pay", "{\"outcome\": \"SUCCEEDED\"}");

        assertThat(payLater.status()).isEqualTo(409);
        assertThat(payLater.code()).isEqualTo("payment_failed");
        assertThat(client.post("/v1/payments/" + ref + "/pay", "{\"outcome\": \"MAYBE\"}").status()).isEqualTo(400);
    }

    @Test
    void aClosedPaymentCanNeverBePaid() {
        String ref = client.createPayment("pay_008", 2500, NOTIFY).get("providerRef").asString();

        var closed = client.post("/v1/payments/" + ref + "/close", "");
        var closedAgain = client.post("/v1/payments/" + ref + "/close", "");
        var pay = client.post("/v1/payments/" + ref + "/pay", "{\"outcome\": \"SUCCEEDED\"}");

        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(closedAgain.json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(pay.status()).isEqualTo(409);
        assertThat(pay.code()).isEqualTo("payment_closed");
        assertThat(client.get("/v1/payments/" + ref).json().get("status").asString()).isEqualTo("CLOSED");
    }

    @Test
    void closingAPaidPaymentIsRefusedWithItsStatus() {
        String ref = client.createPayment("pay_009", 2500, NOTIFY).get("providerRef").asString();
        client.pay(ref, "SUCCEEDED");

        var close = client.post("/v1/payments/" + ref + "/close", "");

        assertThat(close.status()).isEqualTo(409);
        assertThat(close.code()).isEqualTo("payment_paid");
        assertThat(close.json().get("status").asString()).isEqualTo("SUCCEEDED");
    }

    @Test
    void refundsNeverExceedWhatWasPaid() {
        String ref = client.createPayment("pay_010", 2500, NOTIFY).get("providerRef").asString();
        client.pay(ref, "SUCCEEDED");

        var first = client.post("/v1/payments/" + ref + "/refunds", "{\"amount\": 1000, \"refundId\": \"r-1\"}");
        var tooMuch = client.post("/v1/payments/" + ref + "/refunds", "{\"amount\": 1501}");
        var rest = client.post("/v1/payments/" + ref + "/refunds", "{\"amount\": 1500}");
        var nothingLeft = client.post("/v1/payments/" + ref + "/refunds", "{\"amount\": 1}");

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("refundId").asString()).isEqualTo("r-1");
        assertThat(first.json().at("/payment/status").asString()).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(first.json().at("/payment/refundedAmount").asLong()).isEqualTo(1000);
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.code()).isEqualTo("refund_exceeds_paid");
        assertThat(rest.status()).isEqualTo(201);
        assertThat(rest.json().get("refundId").asString()).startsWith("rfd_");
        assertThat(rest.json().at("/payment/status").asString()).isEqualTo("REFUNDED");
        assertThat(nothingLeft.code()).isEqualTo("refund_exceeds_paid");
        JsonNode payment = client.get("/v1/payments/" + ref).json();
        assertThat(payment.get("refundedAmount").asLong()).isEqualTo(2500);
        assertThat(payment.get("refunds")).hasSize(2);
    }

    @Test
    void aRepeatedRefundIdIsAnsweredWithTheFirstRefund() {
        String ref = client.createPayment("pay_011", 2500, NOTIFY).get("providerRef").asString();
        client.pay(ref, "SUCCEEDED");

        var first = client.post("/v1/payments/" + ref + "/refunds", "{\"amount\": 700, \"refundId\": \"r-2\"}");
        var again = client.post("/v1/payments/" + ref + "/refunds", "{\"amount\": 700, \"refundId\": \"r-2\"}");
        var otherAmount = client.post("/v1/payments/" + ref + "/refunds", "{\"amount\": 800, \"refundId\": \"r-2\"}");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("createdAt")).isEqualTo(first.json().get("createdAt"));
        assertThat(again.json().at("/payment/refundedAmount").asLong()).isEqualTo(700);
        assertThat(otherAmount.status()).isEqualTo(409);
        assertThat(otherAmount.code()).isEqualTo("refund_id_reused");
    }

    @Test
    void onlyPaidPaymentsCanBeRefundedAndRefundsAreValidated() {
        String ref = client.createPayment("pay_012", 2500, NOTIFY).get("providerRef").asString();

        var unpaid = client.post("/v1/payments/" + ref + "/refunds", "{\"amount\": 100}");
        var negative = client.post("/v1/payments/" + ref + "/refunds", "{\"amount\": -5}");

        assertThat(unpaid.status()).isEqualTo(409);
        assertThat(unpaid.code()).isEqualTo("payment_not_paid");
        assertThat(unpaid.json().get("status").asString()).isEqualTo("PENDING");
        assertThat(negative.status()).isEqualTo(400);
    }

    @Test
    void listsEveryPaymentAPageAtATime() {
        for (int i = 0; i < 3; i++) {
            client.createPayment("pay_list_" + i, 100 + i, NOTIFY);
        }

        JsonNode first = client.get("/v1/payments?limit=2").json();
        JsonNode second = client.get("/v1/payments?limit=2&cursor=" + first.get("nextCursor").asString()).json();

        assertThat(first.get("data")).hasSize(2);
        assertThat(second.get("data")).hasSize(1);
        assertThat(second.get("nextCursor").isNull()).isTrue();
        assertThat(second.at("/data/0/outTradeNo").asString()).isEqualTo("pay_list_2");
        assertThat(client.get("/v1/payments?limit=0").status()).isEqualTo(400);
    }
}
