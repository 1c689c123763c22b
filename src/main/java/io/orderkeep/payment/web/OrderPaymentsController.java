package io.orderkeep.payment.web;

import io.orderkeep.payment.PaymentDesk;
import io.orderkeep.payment.PaymentRetry;
import io.orderkeep.platform.Caller;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An order's payments: {@code recheck} asks the provider now; {@code payments} opens a new attempt after the last
 * one failed ({@link PaymentRetry}; 409 {@code payment_not_failed} otherwise). Both answer the order with its payment.
 */
@RestController
class OrderPaymentsController {

    private final PaymentDesk desk;
    private final PaymentRetry retry;
    private final OrderReply reply;

    OrderPaymentsController(PaymentDesk desk, PaymentRetry retry, OrderReply reply) {
        this.desk = desk;
        this.retry = retry;
        this.reply = reply;
    }

    @PostMapping("/api/v1/orders/{id}/recheck")
    Map<String, Object> recheck(@PathVariable String id, Caller caller) {
        desk.recheck(caller, id, "API");
        return reply.order(id);
    }

    @PostMapping("/api/v1/orders/{id}/payments")
    ResponseEntity<Map<String, Object>> retry(@PathVariable String id, Caller caller) {
        retry.open(desk.actionable(caller, id), "api");
        return ResponseEntity.status(201).body(reply.order(id));
    }
}
