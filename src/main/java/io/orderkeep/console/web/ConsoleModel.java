package io.orderkeep.console.web;

import io.orderkeep.platform.Caller;
import io.orderkeep.platform.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every console page's layout needs, for every controller under {@code io.orderkeep.console}: the signed-in
 * {@code caller} (null on the login page), the request's {@code path} (the navigation marks the current page)
 * {@code self}, the language switch's {@code languageLinks} and the {@code navigation} the user's role may open.
 */
@ControllerAdvice(basePackages = "io.orderkeep.console")
class ConsoleModel {

    /** The same attributes, for a model no @ModelAttribute method filled (an exception handler's). */
    void addTo(Model model, HttpServletRequest request) {
        model.addAttribute("caller", caller(request));
        model.addAttribute("navigation", navigation(request));
        model.addAttribute("path", path(request));
        model.addAttribute("languageLinks", languageLinks(request));
        model.addAttribute("self", self(request));
    }

    @ModelAttribute("caller")
    Caller caller(HttpServletRequest request) {
        return request.getAttribute(Caller.ATTRIBUTE) instanceof Caller caller ? caller : null;
    }

    /** A navigation link: its message is {@code nav.NAME}. */
    record NavItem(String name, String href) {}

    private static final List<NavItem> EVERYONE = List.of(new NavItem("dashboard", "/console"),
            new NavItem("unreturned", "/console/unreturned"), new NavItem("orders", "/console/orders"),
            new NavItem("deliveries", "/console/deliveries"), new NavItem("endpoints", "/console/endpoints"));
    private static final List<NavItem> STAFF = List.of(new NavItem("reconciliation", "/console/reconciliation"),
            new NavItem("audit", "/console/audit"));
    private static final List<NavItem> ADMIN = List.of(new NavItem("merchants", "/console/merchants"),
            new NavItem("keys", "/console/keys"), new NavItem("users", "/console/users"));

    /**
     * The pages the signed-in user may open, and only those: a link that answers 403 is no use. Reconciliation and
     * audit are for everyone but merchant users; merchants, keys and users for admins only (the API's rules).
     */
    @ModelAttribute("navigation")
    List<NavItem> navigation(HttpServletRequest request) {
        Caller caller = caller(request);
        if (caller == null) {
            return List.of();
        }
        var items = new ArrayList<>(EVERYONE);
        if (caller.role() != Role.MERCHANT) {
            items.addAll(STAFF);
        }
        if (caller.role() == Role.ADMIN) {
            items.addAll(ADMIN);
        }
        return items;
    }

    @ModelAttribute("path")
    String path(HttpServletRequest request) {
        return request.getRequestURI();
    }

    /**
     * The language switch's links: this page with its query (the filters) kept and only {@code lang} set, so
     * switching the language never loses what the reader was looking at.
     */
    @ModelAttribute("languageLinks")
    Map<String, String> languageLinks(HttpServletRequest request) {
        var links = new LinkedHashMap<String, String>();
        for (String lang : List.of("en", "zh-CN")) {
            links.put(lang, UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
                    .replaceQueryParam("lang", lang).build(true).toUriString());
        }
        return links;
    }

    /** The page's own address with its query, for regions that reload themselves ({@code th:attr="hx-get=${self}"}). */
    @ModelAttribute("self")
    String self(HttpServletRequest request) {
        return request.getQueryString() == null ? request.getRequestURI()
                : request.getRequestURI() + "?" + request.getQueryString();
    }
}
