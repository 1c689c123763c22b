package io.orderkeep.payment.internal;

import io.orderkeep.order.OrderSnapshot;
import io.orderkeep.order.OrderViewContributor;
import io.orderkeep.payment.domain.PaymentAttempt;
import io.orderkeep.payment.jdbc.PaymentAttempts;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Adds the order's latest payment attempt to its view as {@code "payment"} (null before any attempt). */
@Component
class PaymentView implements OrderViewContributor {

    private final PaymentAttempts attempts;

    PaymentView(PaymentAttempts attempts) {
        this.attempts = attempts;
    }

    @Override
    public void contribute(OrderSnapshot order, Map<String, Object> view) {
        view.put("payment", attempts.latest(order.id()).map(PaymentView::render).orElse(null));
    }

    static Map<String, Object> render(PaymentAttempt attempt) {
        var payment = new LinkedHashMap<String, Object>();
        payment.put("id", attempt.id());
        payment.put("provider", attempt.provider());
        payment.put("providerRef", attempt.providerRef());
        payment.put("status", attempt.status().name());
        payment.put("payUrl", attempt.payUrl());
        payment.put("attempt", attempt.number());
        return payment;
    }
}
