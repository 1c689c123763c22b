package io.orderkeep.console.web;

import io.orderkeep.console.ConsoleProblems;
import io.orderkeep.delivery.Deliveries;
import io.orderkeep.order.OrderDesk;
import io.orderkeep.order.OrderQueries;
import io.orderkeep.payment.PaymentDesk;
import io.orderkeep.platform.ApiException;
import io.orderkeep.platform.Caller;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    private final ConsoleProblems problems;
    private final OrderQueries queries;

    OrderActions(PaymentDesk payments, OrderDesk orders, Deliveries deliveries, ConsoleProblems problems,
            OrderQueries queries) {
        this.queries = queries;
        this.problems = problems;
        this.payments = payments;
        this.orders = orders;
        this.deliveries = deliveries;
    }

    @PostMapping("/console/orders/{id}/{action:recheck|redeliver|resolve|cancel}")
    String one(Caller caller, @PathVariable String id, @PathVariable String action,
            @RequestParam(required = false) String reason, Model model, HttpServletResponse response) {
        if (act(caller, action, id, reason) == Result.NOTHING) {
            // Redeliver with nothing undelivered: say so, rather than "sent".
            return done(model, response, "action.nothing." + action, 1);
        }
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

    /** What one order's action came to. */
    enum Result { DONE, NOTHING, REFUSED }

    /** One order's line of a bulk action's report; {@code why} is the refusal in the reader's language. */
    record Outcome(String orderId, Result result, String why) {}

    /**
     * The same action on several orders. Each order is its own change, so a refusal (another merchant's order, one
     * gone meanwhile) stops nothing: every order is tried and the answer says, order by order, what was done, what
     * had nothing to do and what was refused, and why. Only a missing reason to resolve refuses them all at once.
     */
    String many(Caller caller, String action, List<String> ids, String reason, Model model,
            HttpServletResponse response) {
        if (!List.of("recheck", "redeliver", "resolve").contains(action)) {
            throw ApiException.notFound("Action", action);
        }
        if (ids.isEmpty()) {
            throw ApiException.validation("ids", "tick at least one order");
        }
        if (action.equals("resolve") && (reason == null || reason.isBlank())) {
            throw ApiException.validation("reason", "is required to mark an order resolved");
        }
        var outcomes = new ArrayList<Outcome>();
        for (String id : ids) {
            try {
                outcomes.add(new Outcome(id, act(caller, action, id, reason), null));
            } catch (ApiException e) {
                outcomes.add(new Outcome(id, Result.REFUSED, problems.describe(e)));
            }
        }
        model.addAttribute("action", action);
        model.addAttribute("outcomes", outcomes);
        for (Result result : Result.values()) {
            model.addAttribute(result.name().toLowerCase(Locale.ROOT),
                    outcomes.stream().filter(o -> o.result() == result).count());
        }
        if (outcomes.stream().anyMatch(o -> o.result() == Result.DONE)) {
            response.setHeader("HX-Trigger", "console-changed");
        }
        return "console/fragments :: bulk";
    }

    private Result act(Caller caller, String action, String id, String reason) {
        switch (action) {
            case "recheck" -> payments.recheck(caller, id, SOURCE);
            case "redeliver" -> {
                // Deliveries.redeliver finds no delivery for an order the caller cannot see, or that does not exist:
                // that is a refusal (404), not "nothing to send".
                queries.view(caller, id);
                return deliveries.redeliver(caller, id) == 0 ? Result.NOTHING : Result.DONE;
            }
            case "resolve" -> orders.resolve(caller, id, reason, SOURCE);
            case "cancel" -> orders.cancel(caller, id, reason == null || reason.isBlank() ? null : reason.strip(), SOURCE);
            default -> throw ApiException.notFound("Action", action);
        }
        return Result.DONE;
    }

    private static String done(Model model, HttpServletResponse response, String message, int count) {
        model.addAttribute("message", message);
        model.addAttribute("count", count);
        response.setHeader("HX-Trigger", "console-changed");
        return "console/fragments :: done";
    }
}
