package io.orderkeep.console.web;

import io.orderkeep.platform.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A module's refusal ({@link ApiException}: 404 for another merchant's order, 403 for a role, 409 for an illegal
 * transition, 400 for a bad field) shown as a console page instead of the API's problem JSON. An htmx request gets
 * only the message, swapped into the page's {@code #flash} region, so the page around it stays as it was.
 */
@ControllerAdvice(basePackages = {"io.orderkeep.console.web", "io.orderkeep.console.admin", "io.orderkeep.console.ops"})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    private final ConsoleModel consoleModel;

    ConsoleErrors(ConsoleModel consoleModel) {
        this.consoleModel = consoleModel;
    }

    @ExceptionHandler(ApiException.class)
    String refused(ApiException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(e.status());
        model.addAttribute("error", e);
        // An exception handler's model gets no @ModelAttribute of ConsoleModel: the layout's are added here.
        consoleModel.addTo(model, request);
        if (ConsoleSecurity.isHtmx(request)) {
            response.setHeader("HX-Retarget", "#flash");
            response.setHeader("HX-Reswap", "innerHTML");
            return "console/error :: message";
        }
        return "console/error";
    }
}
