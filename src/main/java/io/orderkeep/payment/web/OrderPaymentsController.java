package io.orderkeep.payment.web;

import io.orderkeep.order.OrderSnapshot;
import io.orderkeep.order.domain.OrderStatus;
import io.orderkeep.payment.PaymentDesk;
import io.orderkeep.payment.domain.AttemptStatus;
import io.orderkeep.payment.domain.PaymentAttempt;
import io.orderkeep.payment.internal.PaymentOpener;
import io.orderkeep.platform.ApiException;
import io.orderkeep.platform.Caller;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An order's payments: {@code recheck} asks the provider now; {@code payments} opens a new attempt after the last
 * one failed (409 {@code payment_not_failed} otherwise). Both answer the order with its payment.
 */
@RestController
class OrderPaymentsController {

    private final PaymentDesk desk;
    private final PaymentOpener opener;
    private final OrderReply reply;

    OrderPaymentsController(PaymentDesk desk, PaymentOpener opener, OrderReply reply) {
        this.desk = desk;
        this.opener = opener;
        this.reply = reply;
    }

    @PostMapping("/api/v1/orders/{id}/recheck")
    Map<String, Object> recheck(@PathVariable String id, Caller caller) {
        desk.recheck(caller, id, "API");
        return reply.order(id);
    }

    @PostMapping("/api/v1/orders/{id}/payments")
    ResponseEntity<Map<String, Object>> retry(@PathVariable String id, Caller caller) {
        OrderSnapshot order = desk.actionable(caller, id);
        PaymentAttempt last = opener.latest(id).orElse(null);
        if (order.status() != OrderStatus.PENDING_PAYMENT || last == null || last.status() != AttemptStatus.FAILED) {
            throw ApiException.conflict("payment_not_failed", "Payment not failed", "A new payment attempt opens only "
                    + "for an unpaid order whose last attempt FAILED; order " + id + " is " + order.status()
                    + (last == null ? " with no payment attempt." : " and its last attempt is " + last.status() + "."));
        }
        opener.openAfter(last, "api");
        return ResponseEntity.status(201).body(reply.order(id));
    }
}
