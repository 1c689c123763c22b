package io.orderkeep.access.web;

import io.orderkeep.access.ApiKeys;
import io.orderkeep.platform.ApiException;
import io.orderkeep.platform.Caller;
import io.orderkeep.platform.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every {@code /api/} request but a provider's notification must carry a key we issued and have not revoked;
 * anything else is 401 before any handler runs. Provider notifications authenticate by their signature instead.
 * A known key then passes its own rate limit (its address already passed {@link AddressRateLimitFilter}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class AuthenticationFilter extends OncePerRequestFilter {

    private final ApiKeys keys;
    private final RateLimits limits;
    private final JsonMapper json;

    AuthenticationFilter(ApiKeys keys, RateLimits limits, JsonMapper json) {
        this.keys = keys;
        this.limits = limits;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !path.startsWith("/api/") || isProviderNotification(path);
    }

    static boolean isProviderNotification(String path) {
        return path.startsWith("/api/v1/providers/") && path.endsWith("/notify");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var caller = keys.authenticate(bearer(request));
        if (caller.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer");
            Problems.write(response, ApiException.unauthenticated(), json);
            return;
        }
        var refusal = limits.checkKey(caller.get().id());
        if (refusal.isPresent()) {
            Problems.write(response, refusal.get(), json);
            return;
        }
        request.setAttribute(Caller.ATTRIBUTE, caller.get());
        chain.doFilter(request, response);
    }

    static String bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).strip();
    }
}
