package io.orderkeep.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Storage that fails before a request reaches a controller (authentication reads the key table) is 503
 * {@code unavailable} with {@code Retry-After}, as it is inside controllers ({@link ProblemHandler}), and not a
 * container error page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 15)
class StorageFailureFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(StorageFailureFilter.class);

    private final JsonMapper json;

    StorageFailureFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (DataAccessResourceFailureException | CannotCreateTransactionException | TransientDataAccessException e) {
            if (response.isCommitted()) {
                throw e;
            }
            log.warn("storage unavailable: {}", e.getClass().getSimpleName());
            Problems.write(response, ApiException.unavailable("Storage is unavailable; nothing was written. Retry later.", 5), json);
        }
    }
}
