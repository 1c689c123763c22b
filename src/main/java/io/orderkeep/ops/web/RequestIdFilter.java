package io.orderkeep.ops.web;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id — the caller's {@code X-Request-Id} when it is sane, a new one otherwise — echoes it in
 * the response and puts it (and the order id, when the path names one) in the logging MDC for the whole request.
 * Runs first, so that even a refused request logs with its id. Counts idempotent replays by the response header
 * the orders API sets, so that the orders module need not know about metrics.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Request-Id";
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Pattern ORDER_PATH = Pattern.compile("^/api/v1/orders/(ord_[A-Za-z0-9]+)");

    private final MeterRegistry meters;

    RequestIdFilter(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String requestId = given != null && SANE_ID.matcher(given).matches() ? given : "req_" + UUID.randomUUID();
        response.setHeader(HEADER, requestId);
        MDC.put(LogContext.REQUEST_ID, requestId);
        Matcher order = ORDER_PATH.matcher(request.getRequestURI());
        if (order.find()) {
            MDC.put(LogContext.ORDER_ID, order.group(1));
        }
        try {
            chain.doFilter(request, response);
        } finally {
            if ("true".equals(response.getHeader("Idempotent-Replayed"))) {
                meters.counter("orderkeep.idempotent.replays").increment();
            }
            MDC.remove(LogContext.REQUEST_ID);
            MDC.remove(LogContext.ORDER_ID);
        }
    }
}
