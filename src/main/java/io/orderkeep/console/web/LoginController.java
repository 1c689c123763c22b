package io.orderkeep.console.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles the form's POST to the same path, and {@code /console/logout}. */
@Controller
class LoginController {

    @GetMapping("/console/login")
    String login() {
        return "console/login";
    }
}
