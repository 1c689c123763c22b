package io.orderkeep.access.web;

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
 * The first thing an API request meets: its client address's token bucket. It runs before the body limit and
 * before the key lookup, so that a flood of bad keys, big bodies or forged provider notifications from one
 * address costs one map lookup each, not a database query. The address is the connection's peer; behind a proxy,
 * set {@code server.forward-headers-strategy} so it is the client's.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class AddressRateLimitFilter extends OncePerRequestFilter {

    private final RateLimits limits;
    private final JsonMapper json;

    AddressRateLimitFilter(RateLimits limits, JsonMapper json) {
        this.limits = limits;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var refusal = limits.checkAddress(request.getRemoteAddr());
        if (refusal.isPresent()) {
            Problems.write(response, refusal.get(), json);
            return;
        }
        chain.doFilter(request, response);
    }
}
