package io.orderkeep.audit.web;

import io.orderkeep.audit.AuditEntries;
import io.orderkeep.audit.domain.AuditEntry;
import io.orderkeep.audit.domain.ChainVerifier.Verification;
import io.orderkeep.platform.ApiException;
import io.orderkeep.platform.Caller;
import io.orderkeep.platform.Page;
import io.orderkeep.platform.Role;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The audit trail, for the roles that oversee the business: admin, operator and auditor. Merchants get 403. */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    private final AuditEntries entries;
    private final JsonMapper json;

    AuditController(AuditEntries entries, JsonMapper json) {
        this.entries = entries;
        this.json = json;
    }

    record EntryView(long seq, Instant at, String actor, String action, String targetType, String targetId,
            JsonNode detail, String prevHash, String hash) {}

    @GetMapping
    Page<EntryView> list(Caller caller, @RequestParam(required = false) String targetId,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        caller.require(Role.ADMIN, Role.OPERATOR, Role.AUDITOR);
        var filter = new AuditEntries.Filter(blankToNull(targetId), blankToNull(actor), instant("from", from),
                instant("to", to));
        return entries.page(filter, Page.limit(limit), cursor).map(this::view);
    }

    @GetMapping("/verify")
    Verification verify(Caller caller) {
        caller.require(Role.ADMIN, Role.OPERATOR, Role.AUDITOR);
        return entries.verify();
    }

    private EntryView view(AuditEntry e) {
        return new EntryView(e.seq(), e.at(), e.actor(), e.action(), e.targetType(), e.targetId(),
                detail(e.detail()), e.prevHash(), e.hash());
    }

    /** The stored detail as JSON; a tampered detail that is no longer JSON is shown as the text it is. */
    private JsonNode detail(String stored) {
        try {
            return json.readTree(stored);
        } catch (JacksonException e) {
            return json.getNodeFactory().stringNode(stored);
        }
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.validation(field, "must be an ISO-8601 UTC instant, e.g. 2026-11-22T08:30:00Z");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
