package io.orderkeep.console.admin;

import io.orderkeep.access.ApiKeys;
import io.orderkeep.access.Merchants;
import io.orderkeep.console.ConsoleProblems;
import io.orderkeep.platform.ApiException;
import io.orderkeep.platform.Caller;
import io.orderkeep.platform.Role;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /console/keys}: API keys listed (never the keys), created (the key shown on that one answer only,
 * never stored in the session or a redirect) and revoked; admin only, as {@code /api/v1/keys}.
 */
@Controller
@RequestMapping("/console/keys")
class KeysAdmin {

    private final ApiKeys keys;
    private final Merchants merchants;

    private final ConsoleProblems problems;

    KeysAdmin(ApiKeys keys, Merchants merchants, ConsoleProblems problems) {
        this.problems = problems;
        this.keys = keys;
        this.merchants = merchants;
    }

    @GetMapping
    String list(Caller caller, Model model) {
        caller.require(Role.ADMIN);
        fill(model);
        return "console/admin/keys";
    }

    @PostMapping
    String create(Caller caller, Model model, @RequestParam(required = false) String role,
            @RequestParam(required = false) String merchantId, @RequestParam(required = false) String name) {
        caller.require(Role.ADMIN);
        try {
            Role parsed = role == null ? null : Role.fromWire(role);
            String merchant = parsed == Role.MERCHANT && merchantId != null && !merchantId.isBlank() ? merchantId : null;
            model.addAttribute("created", keys.create(parsed, merchant, name, caller.actor()));
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", "role: must be one of admin, operator, merchant, auditor");
        } catch (ApiException e) {
            model.addAttribute("error", problems.describe(e));
        }
        fill(model);
        return "console/admin/keys";
    }

    @PostMapping("/{id}/revoke")
    String revoke(Caller caller, Model model, @PathVariable String id) {
        caller.require(Role.ADMIN);
        try {
            keys.revoke(id, caller.actor());
            model.addAttribute("revoked", id);
        } catch (ApiException e) {
            model.addAttribute("error", problems.describe(e));
        }
        fill(model);
        return "console/admin/keys";
    }

    private void fill(Model model) {
        model.addAttribute("keys", keys.list());
        model.addAttribute("merchants", merchants.list());
        model.addAttribute("roles", List.of(Role.values()).stream().map(Role::wireName).toList());
    }
}
