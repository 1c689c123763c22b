package io.orderkeep.order.core;

import io.orderkeep.order.OrderViewContributor;
import io.orderkeep.order.TrackingLinks;
import io.orderkeep.order.domain.Hop;
import io.orderkeep.order.domain.LineItem;
import io.orderkeep.order.jdbc.StoredOrder;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The order as the API shows it (API.md, "The order"), with what other modules contribute (the payment). Contact
 * data is masked for callers that may not read it.
 */
@Component
public class OrderViews {

    private final List<OrderViewContributor> contributors;
    private final TrackingLinks links;
    private final Clock clock;

    OrderViews(List<OrderViewContributor> contributors, TrackingLinks links, Clock clock) {
        this.contributors = contributors;
        this.links = links;
        this.clock = clock;
    }

    public Map<String, Object> render(StoredOrder order, List<Hop> hops, boolean maskContact) {
        var view = new LinkedHashMap<String, Object>();
        view.put("id", order.id());
        view.put("number", order.number());
        view.put("merchantId", order.merchantId());
        view.put("merchantOrderRef", order.merchantOrderRef());
        view.put("status", order.status().name());
        view.put("currency", order.currency());
        view.put("totalAmount", order.totalAmount());
        view.put("refundedAmount", order.refundedAmount());
        view.put("items", order.items().stream().map(OrderViews::item).toList());
        view.put("customer", maskContact ? Contacts.masked(order.customer()) : order.customer());
        view.put("shippingAddress", order.shippingAddress());
        view.put("metadata", order.metadata());
        var snapshot = order.snapshot();
        contributors.forEach(contributor -> contributor.contribute(snapshot, view));
        Instant now = clock.instant();
        view.put("hops", hops.stream().map(hop -> hop(hop, now)).toList());
        view.put("unreturned", Hop.anyUnreturned(hops, now));
        view.put("needsAttention", order.needsAttention());
        view.put("trackingUrl", links.url(order.id()));
        view.put("createdAt", order.createdAt().toString());
        view.put("updatedAt", order.updatedAt().toString());
        view.put("version", order.version());
        return view;
    }

    private static Map<String, Object> item(LineItem item) {
        var view = new LinkedHashMap<String, Object>();
        view.put("sku", item.sku());
        view.put("name", item.name());
        view.put("quantity", item.quantity());
        view.put("unitAmount", item.unitAmount());
        view.put("amount", item.amount());
        return view;
    }

    private static Map<String, Object> hop(Hop hop, Instant now) {
        var view = new LinkedHashMap<String, Object>();
        view.put("hop", hop.name().wireName());
        view.put("state", hop.stateAt(now).name());
        view.put("dueAt", hop.dueAt().toString());
        view.put("returnedAt", hop.returnedAt() == null ? null : hop.returnedAt().toString());
        return view;
    }
}
