package io.orderkeep.console.ops;

import io.orderkeep.console.ConsoleProblems;
import io.orderkeep.delivery.Deliveries;
import io.orderkeep.platform.ApiException;
import io.orderkeep.platform.Caller;
import io.orderkeep.platform.Page;
import io.orderkeep.platform.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /console/deliveries}: deliveries (dead letters first of all) filtered by endpoint, status and order, and
 * their replay one by one or in bulk, through {@link Deliveries} as {@code /api/v1/deliveries}: every role reads, a
 * merchant user only its own merchant's; admin, operator and merchant replay.
 */
@Controller
@RequestMapping("/console/deliveries")
class DeliveriesPage {

    static final List<String> STATUSES = List.of("DEAD", "RETRYING", "PENDING", "DELIVERED");

    private final Deliveries deliveries;
    private final ConsoleProblems problems;

    DeliveriesPage(Deliveries deliveries, ConsoleProblems problems) {
        this.deliveries = deliveries;
        this.problems = problems;
    }

    /** The filter as the form sends it; an empty status means any, no status at all means dead letters. */
    record Filter(String endpointId, String status, String orderId) {
        static Filter of(String endpointId, String status, String orderId) {
            String checked = status == null ? "DEAD" : status.strip();
            return new Filter(Forms.blankToNull(endpointId), Forms.blankToNull(checked), Forms.blankToNull(orderId));
        }
    }

    /** What a replay did, for the notice above the list: the ids replayed and the ones refused, with why. */
    record Replayed(List<String> done, Map<String, String> refused) {}

    @GetMapping
    String list(Caller caller, Model model, @RequestParam(required = false) String endpointId,
            @RequestParam(required = false) String status, @RequestParam(required = false) String orderId,
            @RequestParam(required = false) String cursor,
            @RequestHeader(name = "HX-Request", required = false) String htmx) {
        var filter = Filter.of(endpointId, status, orderId);
        fill(caller, model, filter, cursor);
        return htmx != null ? "console/deliveries :: results" : "console/deliveries";
    }

    @PostMapping("/{id}/replay")
    String replay(Caller caller, Model model, @PathVariable String id) {
        var outcome = replay(caller, List.of(id));
        model.addAttribute("replayed", outcome);
        model.addAttribute("d", deliveries.get(caller, id));
        model.addAttribute("canReplay", canReplay(caller));
        return "console/deliveries :: row";
    }

    /** Bulk replay: each id on its own, so one refused (a disabled endpoint) does not stop the others. */
    @PostMapping("/replay")
    String replayMany(Caller caller, Model model, @RequestParam(name = "ids", required = false) List<String> ids,
            @RequestParam(required = false) String endpointId, @RequestParam(required = false) String status,
            @RequestParam(required = false) String orderId) {
        model.addAttribute("replayed", replay(caller, ids == null ? List.of() : ids));
        fill(caller, model, Filter.of(endpointId, status, orderId), null);
        return "console/deliveries :: results";
    }

    private Replayed replay(Caller caller, List<String> ids) {
        caller.require(Role.ADMIN, Role.OPERATOR, Role.MERCHANT);
        var done = new ArrayList<String>();
        var refused = new LinkedHashMap<String, String>();
        for (String id : ids) {
            try {
                deliveries.replay(caller, id);
                done.add(id);
            } catch (ApiException e) {
                refused.put(id, problems.describe(e));
            }
        }
        return new Replayed(done, refused);
    }

    private void fill(Caller caller, Model model, Filter filter, String cursor) {
        Page<Map<String, Object>> page = deliveries.list(caller, null, filter.endpointId(), filter.status(),
                filter.orderId(), cursor, Page.DEFAULT_LIMIT);
        model.addAttribute("page", page);
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("endpoints", deliveries.endpoints(caller));
        model.addAttribute("canReplay", canReplay(caller));
    }

    private static boolean canReplay(Caller caller) {
        return caller.role() != Role.AUDITOR;
    }
}
