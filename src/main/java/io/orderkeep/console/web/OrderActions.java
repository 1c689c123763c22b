package io.orderkeep.console.web;

import io.orderkeep.delivery.Deliveries;
import io.orderkeep.order.OrderDesk;
import io.orderkeep.payment.PaymentDesk;
import io.orderkeep.platform.ApiException;
import io.orderkeep.platform.Caller;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's order actions, each through the module service the API uses, with the signed-in user's caller (so
 * the same role and merchant rules apply, and the audit trail names {@code user:NAME}). Each answers a message for
 * the page's {@code #flash} region and fires {@code console-changed}, which the page's regions reload on.
 */
@Controller
class OrderActions {

    static final String SOURCE = "console";

    private final PaymentDesk payments;
    private final OrderDesk orders;
    private final Deliveries deliveries;

    OrderActions(PaymentDesk payments, OrderDesk orders, Deliveries deliveries) {
        this.payments = payments;
        this.orders = orders;
        this.deliveries = deliveries;
    }

    @PostMapping("/console/orders/{id}/{action:recheck|redeliver|resolve|cancel}")
    String one(Caller caller, @PathVariable String id, @PathVariable String action,
            @RequestParam(required = false) String reason, Model model, HttpServletResponse response) {
        act(caller, action, id, reason);
        return done(model, response, "action.done." + action, 1);
    }

    @PostMapping("/console/orders/{id}/refund")
    String refund(Caller caller, @PathVariable String id, @RequestParam(required = false) String amount,
            @RequestParam(required = false) String reason, Model model, HttpServletResponse response) {
        long minor;
        try {
            minor = Long.parseLong(amount == null ? "" : amount.strip());
        } catch (NumberFormatException e) {
            throw ApiException.validation("amount", "must be a positive integer amount in minor units");
        }
        payments.refund(caller, id, minor, reason == null || reason.isBlank() ? null : reason.strip());
        return done(model, response, "action.done.refund", 1);
    }

    /** The same action on several orders; stops at the first refusal, which says which order it was. */
    String many(Caller caller, String action, List<String> ids, String reason, Model model,
            HttpServletResponse response) {
        if (!List.of("recheck", "redeliver", "resolve").contains(action)) {
            throw ApiException.notFound("Action", action);
        }
        if (ids.isEmpty()) {
            throw ApiException.validation("ids", "tick at least one order");
        }
        for (String id : ids) {
            act(caller, action, id, reason);
        }
        return done(model, response, "action.done." + action, ids.size());
    }

    private void act(Caller caller, String action, String id, String reason) {
        switch (action) {
            case "recheck" -> payments.recheck(caller, id, SOURCE);
            case "redeliver" -> deliveries.redeliver(caller, id);
            case "resolve" -> orders.resolve(caller, id, reason, SOURCE);
            case "cancel" -> orders.cancel(caller, id, reason == null || reason.isBlank() ? null : reason.strip(), SOURCE);
            default -> throw ApiException.notFound("Action", action);
        }
    }

    private static String done(Model model, HttpServletResponse response, String message, int count) {
        model.addAttribute("message", message);
        model.addAttribute("count", count);
        response.setHeader("HX-Trigger", "console-changed");
        return "console/fragments :: done";
    }
}
