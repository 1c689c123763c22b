package io.orderkeep.console.ops;

import io.orderkeep.audit.AuditEntries;
import io.orderkeep.platform.ApiException;
import io.orderkeep.platform.Caller;
import io.orderkeep.platform.Role;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /console/audit}: the trail searched by target (an order id), actor and time range, oldest first, and the
 * verification of the whole chain. The roles of {@code /api/v1/audit}: admin, operator and auditor.
 */
@Controller
@RequestMapping("/console/audit")
class AuditPage {

    private final AuditEntries entries;

    AuditPage(AuditEntries entries) {
        this.entries = entries;
    }

    /**
     * The search as the form sends it. {@code from} and {@code to} are UTC: the trail spans every merchant, so no
     * merchant's zone is the page's, and the page names UTC beside the fields and the times.
     */
    record Search(String targetId, String actor, String from, String to) {}

    @GetMapping
    String search(Caller caller, Model model, @RequestParam(required = false) String targetId,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String cursor,
            @RequestHeader(name = "HX-Request", required = false) String htmx) {
        caller.require(Role.ADMIN, Role.OPERATOR, Role.AUDITOR);
        var search = new Search(Forms.blankToNull(targetId), Forms.blankToNull(actor), Forms.blankToNull(from),
                Forms.blankToNull(to));
        var filter = new AuditEntries.Filter(search.targetId(), search.actor(), instant("from", search.from()),
                instant("to", search.to()));
        model.addAttribute("search", search);
        model.addAttribute("page", entries.page(filter, 100, cursor));
        return htmx != null ? "console/audit :: results" : "console/audit";
    }

    @PostMapping("/verify")
    String verify(Caller caller, Model model) {
        caller.require(Role.ADMIN, Role.OPERATOR, Role.AUDITOR);
        model.addAttribute("verification", entries.verify());
        return "console/audit :: verification";
    }

    private static Instant instant(String field, String local) {
        if (local == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(local).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ApiException.validation(field, "must be a date and time like 2026-11-22T16:30");
        }
    }
}
