package io.orderkeep.console.web;

import io.orderkeep.access.Merchants;
import io.orderkeep.order.OrderFigures;
import io.orderkeep.order.OrderFigures.UnreturnedFilter;
import io.orderkeep.platform.Caller;
import io.orderkeep.platform.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The unreturned list: orders with a hop overdue, failed or pending past due, most overdue first, filtered by hop,
 * age, merchant and provider; with recheck, redeliver and resolve for one order or for those ticked.
 */
@Controller
class UnreturnedController {

    static final int LIMIT = 200;
    static final List<String> HOPS = List.of("accepted", "payment", "merchant", "customer", "settlement");

    private final OrderFigures figures;
    private final Merchants merchants;
    private final OrderActions actions;

    UnreturnedController(OrderFigures figures, Merchants merchants, OrderActions actions) {
        this.figures = figures;
        this.merchants = merchants;
        this.actions = actions;
    }

    @GetMapping("/console/unreturned")
    String list(Caller caller, @RequestParam(required = false) String hop, @RequestParam(required = false) String age,
            @RequestParam(required = false) String merchant, @RequestParam(required = false) String provider,
            Model model) {
        var filter = new UnreturnedFilter(hop, age, merchant, provider);
        model.addAttribute("filter", filter);
        model.addAttribute("orders", figures.unreturned(caller, filter, LIMIT));
        model.addAttribute("hops", HOPS);
        model.addAttribute("ages", OrderFigures.AGE_BUCKETS);
        model.addAttribute("merchants", caller.role() == Role.MERCHANT ? List.of() : merchants.list());
        return "console/unreturned";
    }

    /** One action on every ticked order; answers a message for the page's flash region. */
    @PostMapping("/console/unreturned/{action}")
    String bulk(Caller caller, @PathVariable String action, @RequestParam(name = "ids", required = false) List<String> ids,
            @RequestParam(required = false) String reason, Model model, HttpServletResponse response) {
        return actions.many(caller, action, ids == null ? List.of() : ids, reason, model, response);
    }
}
