package io.orderkeep.console.web;

import io.orderkeep.platform.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every console page's layout needs, for every controller under {@code io.orderkeep.console}: the signed-in
 * {@code caller} (null on the login page), the request's {@code path} (the navigation marks the current page)
 * and {@code self}.
 */
@ControllerAdvice(basePackages = "io.orderkeep.console")
class ConsoleModel {

    @ModelAttribute("caller")
    Caller caller(HttpServletRequest request) {
        return request.getAttribute(Caller.ATTRIBUTE) instanceof Caller caller ? caller : null;
    }

    @ModelAttribute("path")
    String path(HttpServletRequest request) {
        return request.getRequestURI();
    }

    /** The page's own address with its query, for regions that reload themselves ({@code th:attr="hx-get=${self}"}). */
    @ModelAttribute("self")
    String self(HttpServletRequest request) {
        return request.getQueryString() == null ? request.getRequestURI()
                : request.getRequestURI() + "?" + request.getQueryString();
    }
}
