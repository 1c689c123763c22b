package io.orderkeep.payment.web;

import io.orderkeep.order.OrderSnapshot;
import io.orderkeep.payment.internal.RefundDesk;
import io.orderkeep.platform.ApiException;
import io.orderkeep.platform.Caller;
import io.orderkeep.platform.Role;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/orders/{id}/refunds} {@code {"amount", "reason"}}: refunds through the provider, partial
 * allowed; answers 201 with the order as the other payment endpoints do.
 */
@RestController
class RefundsController {

    private final RefundDesk desk;
    private final OrderReply reply;

    RefundsController(RefundDesk desk, OrderReply reply) {
        this.desk = desk;
        this.reply = reply;
    }

    @PostMapping("/api/v1/orders/{id}/refunds")
    ResponseEntity<Map<String, Object>> refund(@PathVariable String id, @RequestBody JsonNode body, Caller caller) {
        caller.require(Role.ADMIN, Role.OPERATOR, Role.MERCHANT);
        OrderSnapshot order = reply.find(id).filter(o -> caller.canSee(o.merchantId()))
                .orElseThrow(() -> ApiException.notFound("Order", id));
        JsonNode amount = body == null ? null : body.get("amount");
        if (amount == null || !amount.canConvertToExactIntegral() || !amount.canConvertToLong() || amount.asLong() <= 0) {
            throw ApiException.validation("amount", "must be a positive integer amount in minor units");
        }
        JsonNode reason = body.get("reason");
        desk.refund(order, amount.asLong(), reason == null || reason.isNull() ? null : reason.asString(), caller.actor());
        return ResponseEntity.status(201).body(reply.order(id));
    }
}
