package io.orderkeep.payment.web;

import io.orderkeep.payment.PaymentDesk;
import io.orderkeep.platform.ApiException;
import io.orderkeep.platform.Caller;
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

    private final PaymentDesk desk;
    private final OrderReply reply;

    RefundsController(PaymentDesk desk, OrderReply reply) {
        this.desk = desk;
        this.reply = reply;
    }

    @PostMapping("/api/v1/orders/{id}/refunds")
    ResponseEntity<Map<String, Object>> refund(@PathVariable String id, @RequestBody JsonNode body, Caller caller) {
        desk.actionable(caller, id);
        JsonNode amount = body == null ? null : body.get("amount");
        if (amount == null || !amount.canConvertToExactIntegral() || !amount.canConvertToLong() || amount.asLong() <= 0) {
            throw ApiException.validation("amount", "must be a positive integer amount in minor units");
        }
        JsonNode reason = body.get("reason");
        desk.refund(caller, id, amount.asLong(), reason == null || reason.isNull() ? null : reason.asString());
        return ResponseEntity.status(201).body(reply.order(id));
    }
}
