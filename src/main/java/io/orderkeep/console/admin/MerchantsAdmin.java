package io.orderkeep.console.admin;

import io.orderkeep.access.Merchants;
import io.orderkeep.console.ConsoleProblems;
import io.orderkeep.platform.ApiException;
import io.orderkeep.platform.Caller;
import io.orderkeep.platform.Role;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /console/merchants}: the merchants, and a new one; admin only, as {@code /api/v1/merchants}. */
@Controller
@RequestMapping("/console/merchants")
class MerchantsAdmin {

    /** The zones offered first in the form; any other IANA zone may be typed. */
    static final List<String> ZONES = List.of("Asia/Shanghai", "Asia/Hong_Kong", "Asia/Singapore", "Asia/Tokyo",
            "Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles", "UTC");

    private final Merchants merchants;

    private final ConsoleProblems problems;

    MerchantsAdmin(Merchants merchants, ConsoleProblems problems) {
        this.problems = problems;
        this.merchants = merchants;
    }

    @GetMapping
    String list(Caller caller, Model model) {
        caller.require(Role.ADMIN);
        fill(model);
        return "console/admin/merchants";
    }

    @PostMapping
    String create(Caller caller, Model model, @RequestParam(required = false) String id,
            @RequestParam(required = false) String name, @RequestParam(required = false) String defaultLocale,
            @RequestParam(required = false) String timeZone) {
        caller.require(Role.ADMIN);
        try {
            model.addAttribute("created", merchants.create(id, name, defaultLocale, timeZone, caller.actor()));
        } catch (ApiException e) {
            model.addAttribute("error", problems.describe(e));
            model.addAttribute("form", new Form(id, name, defaultLocale, timeZone));
        }
        fill(model);
        return "console/admin/merchants";
    }

    record Form(String id, String name, String defaultLocale, String timeZone) {}

    private void fill(Model model) {
        model.addAttribute("merchants", merchants.list());
        model.addAttribute("zones", ZONES);
        model.addAttribute("locales", List.of("zh-CN", "en"));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new Form("", "", "zh-CN", ZoneId.of("Asia/Shanghai").getId()));
        }
    }
}
