package io.orderkeep.sandbox.http;

import io.orderkeep.sandbox.core.Notification;
import io.orderkeep.sandbox.core.Payment;
import io.orderkeep.sandbox.core.Refund;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of payments, refunds and notifications. */
final class PaymentJson {

    private PaymentJson() {}

    static Map<String, Object> payment(Payment p, String payUrl, List<Refund> refunds) {
        var map = new LinkedHashMap<String, Object>();
        map.put("providerRef", p.providerRef());
        map.put("outTradeNo", p.outTradeNo());
        map.put("reference", p.reference());
        map.put("status", p.status().name());
        map.put("amount", p.amount());
        map.put("currency", p.currency());
        map.put("refundedAmount", p.refundedAmount());
        map.put("transactionId", p.transactionId());
        map.put("payUrl", payUrl);
        map.put("notifyUrl", p.notifyUrl());
        map.put("createdAt", text(p.createdAt()));
        map.put("paidAt", text(p.paidAt()));
        map.put("failedAt", text(p.failedAt()));
        map.put("closedAt", text(p.closedAt()));
        map.put("updatedAt", text(p.updatedAt()));
        map.put("refunds", refunds.stream().map(PaymentJson::refund).toList());
        return map;
    }

    static Map<String, Object> refund(Refund r) {
        var map = new LinkedHashMap<String, Object>();
        map.put("refundId", r.refundId());
        map.put("providerRef", r.providerRef());
        map.put("amount", r.amount());
        map.put("status", "SUCCEEDED");
        map.put("createdAt", text(r.createdAt()));
        return map;
    }

    static Map<String, Object> notification(Notification n) {
        var map = new LinkedHashMap<String, Object>();
        map.put("eventId", n.eventId());
        map.put("state", n.state().name());
        map.put("attempts", n.attempts());
        map.put("nextAttemptAt", n.state() == Notification.State.PENDING ? text(n.nextAttemptAt()) : null);
        map.put("lastStatus", n.lastStatus());
        map.put("lastError", n.lastError());
        map.put("createdAt", text(n.createdAt()));
        map.put("deliveredAt", text(n.deliveredAt()));
        map.put("body", n.body());
        return map;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
