package io.orderkeep.order;

import java.util.Map;

/**
 * Adds a module's part to the order as the API shows it (the payments module adds {@code "payment"}). Called for
 * every order view the API renders; the view map is mutable and ordered.
 */
public interface OrderViewContributor {

    void contribute(OrderSnapshot order, Map<String, Object> view);
}
