package io.orderkeep.order;

import java.util.Map;
import java.util.Optional;

/**
 * Orders as the API shows them, for modules that render them to people (the console, the tracking page): the same
 * map as {@code GET /api/v1/orders/{id}} (API.md, "The order"), items, customer, hops and every module's part
 * (the payment) included.
 */
public interface OrderQueries {

    /**
     * @param maskContact whether the customer's e-mail and phone are masked (as for roles that may not read them)
     * @return the order's view, or empty for an unknown order
     */
    Optional<Map<String, Object>> view(String orderId, boolean maskContact);
}
