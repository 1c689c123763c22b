package io.orderkeep.sandbox.http;

import com.sun.net.httpserver.HttpExchange;
import io.orderkeep.sandbox.core.Payment;
import io.orderkeep.sandbox.core.PaymentStatus;
import io.orderkeep.sandbox.core.SandboxException;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * The page behind {@code payUrl}: the amount and two buttons that call {@code POST /v1/payments/{ref}/pay}, in
 * Chinese or English by {@code Accept-Language}. After a click it reloads and shows the payment's final state.
 */
public final class PayPage {

    private record Texts(String lang, String title, String amount, String status, String pay, String fail,
            String done, String notFound) {}

    private static final Texts EN = new Texts("en", "Sandbox payment", "Amount", "Status", "Pay", "Fail the payment",
            "This payment is finished.", "No such payment.");
    private static final Texts ZH = new Texts("zh-CN", "沙箱支付", "金额", "状态", "支付", "支付失败",
            "该笔支付已结束。", "没有这笔支付。");

    private final PaymentsApi payments;

    public PayPage(PaymentsApi payments) {
        this.payments = payments;
    }

    void show(HttpExchange ex, String providerRef) throws IOException {
        Texts t = texts(ex.getRequestHeaders().getFirst("Accept-Language"));
        ex.getResponseHeaders().set("Content-Language", t.lang());
        Payment p;
        try {
            p = payments.load(providerRef);
        } catch (SandboxException e) {
            Http.text(ex, 404, "text/html", page(t, "<p>" + t.notFound() + "</p>"));
            return;
        }
        String ref = escape(p.providerRef());
        var body = new StringBuilder()
                .append("<p>").append(t.amount()).append(": <strong id=\"amount\">").append(escape(money(p)))
                .append("</strong></p>\n")
                .append("<p>").append(t.status()).append(": <strong id=\"status\">").append(p.status().name())
                .append("</strong></p>\n")
                .append("<p><small>").append(ref).append(" · ").append(escape(p.outTradeNo())).append("</small></p>\n");
        if (p.status() == PaymentStatus.PENDING) {
            body.append("<button id=\"pay\" onclick=\"pay('SUCCEEDED')\">").append(t.pay()).append("</button>\n")
                    .append("<button id=\"fail\" onclick=\"pay('FAILED')\">").append(t.fail()).append("</button>\n")
                    .append("<script>function pay(outcome) {fetch('/v1/payments/").append(ref)
                    .append("/pay', {method: 'POST', headers: {'Content-Type': 'application/json'},")
                    .append(" body: JSON.stringify({outcome: outcome})}).finally(() => location.reload());}</script>\n");
        } else {
            body.append("<p id=\"done\">").append(t.done()).append("</p>\n");
        }
        Http.text(ex, 200, "text/html", page(t, body.toString()));
    }

    private static String page(Texts t, String body) {
        return "<!doctype html>\n<html lang=\"" + t.lang() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + t.title()
                + "</title><style>body{font-family:sans-serif;max-width:28em;margin:3em auto;padding:0 1em}"
                + "button{font-size:1.1em;margin:.3em;padding:.5em 1em}</style></head>\n<body><h1>" + t.title()
                + "</h1>\n" + body + "</body></html>\n";
    }

    static String money(Payment p) {
        int digits = Currency.getInstance(p.currency()).getDefaultFractionDigits();
        return BigDecimal.valueOf(p.amount(), Math.max(digits, 0)).toPlainString() + " " + p.currency();
    }

    private static Texts texts(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return EN;
        }
        try {
            List<String> matches = Locale.filterTags(Locale.LanguageRange.parse(acceptLanguage), List.of("en", "zh-CN"));
            return !matches.isEmpty() && matches.getFirst().toLowerCase(Locale.ROOT).startsWith("zh") ? ZH : EN;
        } catch (IllegalArgumentException e) {
            return EN;
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
