package io.orderkeep.console.web;

import io.orderkeep.access.Merchants;
import io.orderkeep.audit.AuditEntries;
import io.orderkeep.audit.domain.AuditEntry;
import io.orderkeep.delivery.Deliveries;
import io.orderkeep.order.OrderQueries;
import io.orderkeep.payment.PaymentDesk;
import io.orderkeep.platform.ApiException;
import io.orderkeep.platform.Caller;
import io.orderkeep.platform.Page;
import io.orderkeep.platform.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The orders list and the order page: the hop ledger as a timeline, the history, each payment attempt with every
 * notification and query the audit trail holds for it (raw payload on demand), the deliveries with their attempts,
 * and the order's audit entries. Everything is read with the signed-in user's caller: another merchant's order is
 * 404, and a merchant user, who may not read the audit trail, sees no audit entries.
 */
@Controller
class OrdersPageController {

    private static final int AUDIT_LIMIT = 200;

    private final OrderQueries orders;
    private final PaymentDesk payments;
    private final Deliveries deliveries;
    private final AuditEntries audit;
    private final Merchants merchants;
    private final JsonMapper json;

    OrdersPageController(OrderQueries orders, PaymentDesk payments, Deliveries deliveries, AuditEntries audit,
            Merchants merchants, JsonMapper json) {
        this.orders = orders;
        this.payments = payments;
        this.deliveries = deliveries;
        this.audit = audit;
        this.merchants = merchants;
        this.json = json;
    }

    @GetMapping("/console/orders")
    String list(Caller caller, @RequestParam(required = false) String status,
            @RequestParam(required = false) String merchant, @RequestParam(required = false) Boolean unreturned,
            @RequestParam(required = false) String cursor, Model model) {
        String merchantId = merchant == null || merchant.isBlank() ? null : merchant;
        String statusFilter = status == null || status.isBlank() ? null : status;
        model.addAttribute("page", orders.list(caller, statusFilter, merchantId, Boolean.TRUE.equals(unreturned) ? true : null,
                null, null, null, Page.DEFAULT_LIMIT, cursor));
        model.addAttribute("status", statusFilter);
        model.addAttribute("merchant", merchantId);
        model.addAttribute("unreturned", Boolean.TRUE.equals(unreturned));
        model.addAttribute("statuses", List.of("PENDING_PAYMENT", "PAID", "FULFILLED", "COMPLETED", "CANCELLED",
                "EXPIRED", "PARTIALLY_REFUNDED", "REFUNDED"));
        model.addAttribute("merchants", caller.role() == Role.MERCHANT ? List.of() : merchants.list());
        return "console/orders";
    }

    @GetMapping("/console/orders/{id}")
    String order(Caller caller, @PathVariable String id, Model model) {
        Map<String, Object> order = orders.view(caller, id);
        boolean readsAudit = readsAudit(caller);
        var attempts = new ArrayList<Map<String, Object>>();
        for (Map<String, Object> attempt : payments.attempts(caller, id)) {
            var withEvents = new LinkedHashMap<>(attempt);
            withEvents.put("events", readsAudit ? entries((String) attempt.get("id")) : List.of());
            attempts.add(withEvents);
        }
        model.addAttribute("order", order);
        model.addAttribute("history", orders.history(caller, id));
        model.addAttribute("attempts", attempts);
        model.addAttribute("deliveries", deliveries.list(caller, null, null, null, id, null, Page.MAX_LIMIT).data());
        model.addAttribute("readsAudit", readsAudit);
        model.addAttribute("auditEntries", readsAudit ? entries(id) : List.of());
        model.addAttribute("acts", caller.role() != Role.AUDITOR);
        model.addAttribute("resolves", caller.role() == Role.ADMIN || caller.role() == Role.OPERATOR);
        return "console/order";
    }

    /** One audit entry's full detail (a provider's raw payload and signature, say), for the order page on demand. */
    @GetMapping("/console/orders/{id}/raw/{seq}")
    String raw(Caller caller, @PathVariable String id, @PathVariable long seq, Model model) {
        if (!readsAudit(caller)) {
            throw ApiException.forbidden();
        }
        orders.view(caller, id);
        var targets = new ArrayList<String>(List.of(id));
        payments.attempts(caller, id).forEach(attempt -> targets.add((String) attempt.get("id")));
        AuditEntry entry = targets.stream().flatMap(target -> entries(target).stream())
                .filter(e -> e.seq() == seq).findFirst()
                .orElseThrow(() -> ApiException.notFound("Audit entry", Long.toString(seq)));
        model.addAttribute("entry", entry);
        model.addAttribute("pretty", json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(entry.detail())));
        return "console/order :: raw";
    }

    /** Replays one of the order's deliveries (same {@code webhook-id}), as {@code POST /api/v1/deliveries/{id}/replay}. */
    @PostMapping("/console/orders/{id}/deliveries/{deliveryId}/replay")
    String replay(Caller caller, @PathVariable String id, @PathVariable String deliveryId, Model model,
            HttpServletResponse response) {
        var delivery = deliveries.get(caller, deliveryId);
        if (!id.equals(delivery.get("orderId"))) {
            throw ApiException.notFound("Delivery", deliveryId);
        }
        deliveries.replay(caller, deliveryId);
        model.addAttribute("message", "action.done.replay");
        model.addAttribute("count", 1);
        response.setHeader("HX-Trigger", "console-changed");
        return "console/fragments :: done";
    }

    private List<AuditEntry> entries(String targetId) {
        return audit.page(new AuditEntries.Filter(targetId, null, null, null), AUDIT_LIMIT, null).data().stream()
                .sorted(Comparator.comparingLong(AuditEntry::seq)).toList();
    }

    private static boolean readsAudit(Caller caller) {
        return caller.role() != Role.MERCHANT;
    }
}
