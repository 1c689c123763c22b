package io.orderkeep.console.web;

import io.orderkeep.access.ConsoleUser;
import io.orderkeep.access.ConsoleUsers;
import io.orderkeep.platform.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns the signed-in user into the request's {@link Caller} ({@code Kind.USER}), read fresh from the database so
 * that a disabled user is signed out on their next request. Controllers then take a {@code Caller} parameter exactly
 * as the API's do, and every service applies the same role and merchant rules.
 */
class ConsoleCallerFilter extends OncePerRequestFilter {

    private final ConsoleUsers users;

    ConsoleCallerFilter(ConsoleUsers users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        var user = users.find(authentication.getName()).filter(u -> !u.disabled());
        if (user.isEmpty()) {
            SecurityContextHolder.clearContext();
            var session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            if (ConsoleSecurity.isHtmx(request)) {
                response.setHeader("HX-Redirect", "/console/login");
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            } else {
                response.sendRedirect("/console/login");
            }
            return;
        }
        request.setAttribute(Caller.ATTRIBUTE, user.map(ConsoleUser::caller).get());
        chain.doFilter(request, response);
    }
}
