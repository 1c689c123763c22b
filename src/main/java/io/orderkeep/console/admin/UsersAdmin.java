package io.orderkeep.console.admin;

import io.orderkeep.access.ConsoleUsers;
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
 * {@code /console/users}: the console's users, a new one (with a generated password, shown once, when none is
 * typed) and disabling one; admin only. An admin cannot disable themself: the console would lock them out mid-page.
 */
@Controller
@RequestMapping("/console/users")
class UsersAdmin {

    private final ConsoleUsers users;
    private final Merchants merchants;

    private final ConsoleProblems problems;

    UsersAdmin(ConsoleUsers users, Merchants merchants, ConsoleProblems problems) {
        this.problems = problems;
        this.users = users;
        this.merchants = merchants;
    }

    @GetMapping
    String list(Caller caller, Model model) {
        caller.require(Role.ADMIN);
        fill(model);
        return "console/admin/users";
    }

    @PostMapping
    String create(Caller caller, Model model, @RequestParam(required = false) String username,
            @RequestParam(required = false) String password, @RequestParam(required = false) String role,
            @RequestParam(required = false) String merchantId) {
        caller.require(Role.ADMIN);
        boolean generated = password == null || password.isEmpty();
        String chosen = generated ? ConsoleUsers.generatePassword() : password;
        try {
            Role parsed = role == null ? null : Role.fromWire(role);
            String merchant = parsed == Role.MERCHANT && merchantId != null && !merchantId.isBlank() ? merchantId : null;
            model.addAttribute("created", users.create(username, chosen, parsed, merchant, caller.actor()));
            if (generated) {
                model.addAttribute("generatedPassword", chosen);
            }
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", "role: must be one of admin, operator, merchant, auditor");
        } catch (ApiException e) {
            model.addAttribute("error", problems.describe(e));
        }
        fill(model);
        return "console/admin/users";
    }

    @PostMapping("/{username}/disable")
    String disable(Caller caller, Model model, @PathVariable String username) {
        caller.require(Role.ADMIN);
        try {
            if (username.equals(caller.id())) {
                throw ApiException.conflict("self_disable", "Cannot disable yourself",
                        "Another admin must disable your user.");
            }
            users.disable(username, caller.actor());
            model.addAttribute("disabled", username);
        } catch (ApiException e) {
            model.addAttribute("error", problems.describe(e));
        }
        fill(model);
        return "console/admin/users";
    }

    private void fill(Model model) {
        model.addAttribute("users", users.list());
        model.addAttribute("merchants", merchants.list());
        model.addAttribute("roles", List.of(Role.values()).stream().map(Role::wireName).toList());
    }
}
