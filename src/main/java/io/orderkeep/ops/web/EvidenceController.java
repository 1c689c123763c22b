package io.orderkeep.ops.web;

import io.orderkeep.ops.OrderEvidence;
import io.orderkeep.platform.ApiException;
import io.orderkeep.platform.Caller;
import io.orderkeep.platform.Role;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/orders/{id}/evidence}: one order's whole story with its audit chain proof (see {@link OrderEvidence}). */
@RestController
class EvidenceController {

    private final OrderEvidence evidence;

    EvidenceController(OrderEvidence evidence) {
        this.evidence = evidence;
    }

    @GetMapping("/api/v1/orders/{id}/evidence")
    Map<String, Object> evidence(Caller caller, @PathVariable String id) {
        caller.require(Role.ADMIN, Role.OPERATOR, Role.AUDITOR, Role.MERCHANT);
        String merchant = evidence.merchantOf(id).orElseThrow(() -> ApiException.notFound("Order", id));
        if (!caller.canSee(merchant)) {
            throw ApiException.notFound("Order", id);
        }
        return evidence.of(id, caller.seesContactData()).orElseThrow(() -> ApiException.notFound("Order", id));
    }
}
