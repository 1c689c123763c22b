package io.orderkeep.console.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class DashboardController {

    @GetMapping("/console")
    String dashboard() {
        return "console/dashboard";
    }
}
