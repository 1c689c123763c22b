package io.orderkeep.sandbox.http;

import com.sun.net.httpserver.HttpExchange;
import io.orderkeep.sandbox.core.FaultDice;
import io.orderkeep.sandbox.core.Ledger;
import io.orderkeep.sandbox.core.Outbox;
import io.orderkeep.sandbox.core.Payment;
import io.orderkeep.sandbox.core.PaymentStatus;
import io.orderkeep.sandbox.core.SandboxException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** {@code /v1/payments…}: create, query, pay, close and refund, with the query-timeout and fail-after-charge faults. */
public final class PaymentsApi {

    private final Ledger ledger;
    private final Outbox outbox;
    private final FaultDice dice;
    private final QueryHold hold;
    private final Supplier<String> baseUrl;

    public PaymentsApi(Ledger ledger, Outbox outbox, FaultDice dice, QueryHold hold, Supplier<String> baseUrl) {
        this.ledger = ledger;
        this.outbox = outbox;
        this.dice = dice;
        this.hold = hold;
        this.baseUrl = baseUrl;
    }

    void create(HttpExchange ex) throws IOException {
        Requests.NewPayment request = Requests.payment(Http.jsonBody(ex));
        Ledger.Created created = ledger.create(request.outTradeNo(), request.amount(), request.currency(),
                request.notifyUrl(), request.reference());
        Payment p = created.payment();
        failAfterCharge(p, "create");
        var body = new LinkedHashMap<String, Object>();
        body.put("providerRef", p.providerRef());
        body.put("payUrl", payUrl(p));
        body.put("status", p.status().name());
        body.put("outTradeNo", p.outTradeNo());
        body.put("amount", p.amount());
        body.put("currency", p.currency());
        Http.json(ex, created.created() ? 201 : 200, body);
    }

    /** {@code ?outTradeNo=} answers that one payment; without it, every payment, oldest first, a page at a time. */
    void query(HttpExchange ex) throws IOException {
        Map<String, String> query = Http.query(ex);
        String outTradeNo = query.get("outTradeNo");
        if (outTradeNo != null) {
            Optional<Payment> found = ledger.findByOutTradeNo(outTradeNo);
            if (queryTimeout(found, "outTradeNo:" + outTradeNo)) {
                found = ledger.findByOutTradeNo(outTradeNo);
            }
            Payment p = found.orElseThrow(() ->
                    SandboxException.notFound("No payment has outTradeNo '" + outTradeNo + "'."));
            Http.json(ex, 200, full(p));
            return;
        }
        int limit = limit(query.get("limit"));
        List<Payment> page = ledger.page(query.get("cursor"), limit + 1);
        List<Payment> shown = page.subList(0, Math.min(limit, page.size()));
        var body = new LinkedHashMap<String, Object>();
        body.put("data", shown.stream().map(this::full).toList());
        body.put("nextCursor", page.size() > limit ? shown.getLast().providerRef() : null);
        Http.json(ex, 200, body);
    }

    void get(HttpExchange ex, String providerRef) throws IOException {
        queryTimeout(ledger.find(providerRef), "providerRef:" + providerRef);
        Http.json(ex, 200, full(load(providerRef)));
    }

    void pay(HttpExchange ex, String providerRef) throws IOException {
        PaymentStatus outcome = Requests.outcome(Http.jsonBody(ex));
        Payment p = ledger.pay(providerRef, outcome);
        failAfterCharge(p, "pay");
        Http.json(ex, 200, full(p));
    }

    void close(HttpExchange ex, String providerRef) throws IOException {
        Http.json(ex, 200, full(ledger.close(providerRef)));
    }

    void refund(HttpExchange ex, String providerRef) throws IOException {
        Requests.NewRefund request = Requests.refund(Http.jsonBody(ex));
        Ledger.Refunded refunded = ledger.refund(providerRef, request.amount(), request.refundId());
        failAfterCharge(refunded.payment(), "refund");
        var body = new LinkedHashMap<>(PaymentJson.refund(refunded.refund()));
        body.put("payment", full(refunded.payment()));
        Http.json(ex, refunded.created() ? 201 : 200, body);
    }

    void notifications(HttpExchange ex, String providerRef) throws IOException {
        load(providerRef);
        Http.json(ex, 200, Map.of("data", outbox.of(providerRef).stream().map(PaymentJson::notification).toList()));
    }

    Payment load(String providerRef) {
        return ledger.find(providerRef).orElseThrow(() ->
                SandboxException.notFound("Payment '" + providerRef + "' does not exist."));
    }

    String payUrl(Payment p) {
        return baseUrl.get() + "/pay/" + p.providerRef();
    }

    private Map<String, Object> full(Payment p) {
        return PaymentJson.payment(p, payUrl(p), ledger.refundsOf(p.providerRef()));
    }

    /** The effect is already committed when this strikes: the caller sees a failure although the charge happened. */
    private void failAfterCharge(Payment p, String call) {
        if (dice.failAfterCharge(p.diceKey() + "|" + call)) {
            throw Http.internalError();
        }
    }

    /**
     * Holds the query when the fault strikes; true if it did (the state is then read again). The dice key on the
     * payment asked about, or on the id asked for when there is no such payment.
     */
    private boolean queryTimeout(Optional<Payment> asked, String otherwise) {
        if (dice.queryTimeout(asked.map(Payment::diceKey).orElse(otherwise))) {
            hold.hold();
            return true;
        }
        return false;
    }

    private static int limit(String raw) {
        if (raw == null) {
            return 50;
        }
        try {
            int limit = Integer.parseInt(raw);
            if (limit >= 1 && limit <= 200) {
                return limit;
            }
        } catch (NumberFormatException e) {
            throw SandboxException.validation("limit", "must be a whole number from 1 to 200");
        }
        throw SandboxException.validation("limit", "must be a whole number from 1 to 200");
    }
}
