package io.orderkeep.payment.web;

import io.orderkeep.order.Change;
import io.orderkeep.order.OrderSnapshot;
import io.orderkeep.payment.PaymentRetry;
import io.orderkeep.payment.internal.PaymentOpener;
import io.orderkeep.payment.internal.Watch;
import io.orderkeep.platform.ApiException;
import io.orderkeep.platform.Caller;
import io.orderkeep.platform.Role;
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

    private final PaymentOpener opener;
    private final Watch watch;
    private final OrderReply reply;
    private final PaymentRetry retry;

    OrderPaymentsController(PaymentOpener opener, Watch watch, OrderReply reply, PaymentRetry retry) {
        this.retry = retry;
        this.opener = opener;
        this.watch = watch;
        this.reply = reply;
    }

    @PostMapping("/api/v1/orders/{id}/recheck")
    Map<String, Object> recheck(@PathVariable String id, Caller caller) {
        OrderSnapshot order = visibleOrder(id, caller);
        opener.latest(id).ifPresent(attempt -> watch.check(attempt, Change.of(caller.actor(), "query",
                "recheck asked through the API")));
        return reply.order(id);
    }

    @PostMapping("/api/v1/orders/{id}/payments")
    ResponseEntity<Map<String, Object>> retry(@PathVariable String id, Caller caller) {
        retry.open(visibleOrder(id, caller), "api");
        return ResponseEntity.status(201).body(reply.order(id));
    }

    private OrderSnapshot visibleOrder(String id, Caller caller) {
        caller.require(Role.ADMIN, Role.OPERATOR, Role.MERCHANT);
        return reply.find(id).filter(o -> caller.canSee(o.merchantId()))
                .orElseThrow(() -> ApiException.notFound("Order", id));
    }
}
