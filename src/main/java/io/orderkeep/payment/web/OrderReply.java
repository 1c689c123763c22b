package io.orderkeep.payment.web;

import io.orderkeep.order.OrderLifecycle;
import io.orderkeep.order.OrderSnapshot;
import io.orderkeep.order.OrderViewContributor;
import io.orderkeep.platform.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The order as the payment endpoints answer it: its state and every module's contribution (the payment). The
 * order module's API does not yet offer its full view to other modules; items, customer and hops are read with
 * {@code GET /api/v1/orders/{id}}.
 */
@Component
class OrderReply {

    private final OrderLifecycle lifecycle;
    private final List<OrderViewContributor> contributors;

    /** Lazy: the order module's lifecycle is built from the SPIs this module contributes (views, opening). */
    OrderReply(@Lazy OrderLifecycle lifecycle, List<OrderViewContributor> contributors) {
        this.lifecycle = lifecycle;
        this.contributors = contributors;
    }

    Optional<OrderSnapshot> find(String id) {
        return lifecycle.find(id);
    }

    Map<String, Object> order(String id) {
        OrderSnapshot order = lifecycle.find(id).orElseThrow(() -> ApiException.notFound("Order", id));
        var view = new LinkedHashMap<String, Object>();
        view.put("id", order.id());
        view.put("number", order.number());
        view.put("merchantId", order.merchantId());
        view.put("status", order.status().name());
        view.put("currency", order.currency());
        view.put("totalAmount", order.totalAmount());
        contributors.forEach(contributor -> contributor.contribute(order, view));
        view.put("needsAttention", order.needsAttention());
        view.put("updatedAt", order.updatedAt().toString());
        view.put("version", order.version());
        return view;
    }
}
