package io.orderkeep.order.web;

import io.orderkeep.order.OrderDesk;
import io.orderkeep.platform.ApiException;
import io.orderkeep.platform.Caller;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * A merchant's or operator's moves of an order through {@link OrderDesk}: cancel (only while unpaid, after every guard
 * agreed), fulfil, complete. Repeating a move that is already in effect answers the order again; a move the state
 * machine refuses is 409 {@code illegal_transition} with the order's {@code currentStatus}.
 */
@RestController
@RequestMapping("/api/v1/orders/{id}")
class OrderActionsController {

    private final OrderDesk desk;

    OrderActionsController(OrderDesk desk) {
        this.desk = desk;
    }

    @PostMapping("/cancel")
    Map<String, Object> cancel(Caller caller, @PathVariable String id, @RequestBody(required = false) JsonNode body) {
        return desk.cancel(caller, id, reason(body), "api");
    }

    @PostMapping("/fulfil")
    Map<String, Object> fulfil(Caller caller, @PathVariable String id, @RequestBody(required = false) JsonNode body) {
        return desk.fulfil(caller, id, reason(body), "api");
    }

    @PostMapping("/complete")
    Map<String, Object> complete(Caller caller, @PathVariable String id, @RequestBody(required = false) JsonNode body) {
        return desk.complete(caller, id, reason(body), "api");
    }

    private static String reason(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            return null;
        }
        if (!body.isObject()) {
            throw ApiException.malformed("The request body must be a JSON object.");
        }
        JsonNode reason = body.get("reason");
        if (reason == null || reason.isNull()) {
            return null;
        }
        if (!reason.isString() || reason.stringValue().length() > 500) {
            throw ApiException.validation("reason", "must be a string of at most 500 characters");
        }
        return reason.stringValue().strip();
    }
}
