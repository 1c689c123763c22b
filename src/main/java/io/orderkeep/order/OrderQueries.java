package io.orderkeep.order;

import io.orderkeep.order.core.OrderFilter;
import io.orderkeep.order.core.OrderViews;
import io.orderkeep.order.domain.Hop;
import io.orderkeep.order.jdbc.Hops;
import io.orderkeep.order.jdbc.OrderHistory;
import io.orderkeep.order.jdbc.Orders;
import io.orderkeep.order.jdbc.StoredOrder;
import io.orderkeep.platform.ApiException;
import io.orderkeep.platform.Caller;
import io.orderkeep.platform.Page;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Reading orders as a caller may see them (API.md, "Orders"): the API's order endpoints and the console both read
 * through here, so the rules are in one place. Another merchant's order is 404, as if it did not exist; contact data
 * is masked for callers that may not read it.
 */
@Service
public class OrderQueries {

    private final Orders orders;
    private final Hops hops;
    private final OrderHistory history;
    private final OrderViews views;
    private final Clock clock;

    OrderQueries(Orders orders, Hops hops, OrderHistory history, OrderViews views, Clock clock) {
        this.orders = orders;
        this.hops = hops;
        this.history = history;
        this.views = views;
        this.clock = clock;
    }

    /** The order as {@code GET /api/v1/orders/{id}} shows it. */
    public Map<String, Object> view(Caller caller, String id) {
        return views.render(visible(caller, id), hops.of(id), !caller.seesContactData());
    }

    /**
     * The order as its customer sees it on the tracking page: the same view, contact data masked whoever asks. The
     * caller has checked the order's tracking token (there is no {@link Caller} for a link's holder); empty for an
     * unknown order.
     */
    public Optional<Map<String, Object>> forCustomer(String id) {
        return orders.find(id).map(order -> views.render(order, hops.of(id), true));
    }

    /** The order's history, oldest first, as {@code GET /api/v1/orders/{id}/history} shows it. */
    public List<Map<String, Object>> history(Caller caller, String id) {
        visible(caller, id);
        return history.of(id).stream().map(OrderQueries::entry).toList();
    }

    /**
     * The order's hop ledger, in ledger order, whoever asks: for the order's evidence, whose caller has already
     * checked access. Empty for an unknown order.
     */
    public List<Hop> hops(String id) {
        return hops.of(id);
    }

    /** A page of orders, newest first, with the filters of {@code GET /api/v1/orders}. */
    public Page<Map<String, Object>> list(Caller caller, String status, String merchantId, Boolean unreturned,
            Boolean needsAttention, String createdFrom, String createdTo, Integer limit, String cursor) {
        int size = Page.limit(limit);
        var filter = OrderFilter.of(caller, status, merchantId, unreturned, needsAttention, createdFrom, createdTo,
                cursor, clock.instant());
        if (filter.matchesNothing()) {
            return new Page<>(List.of(), null);
        }
        return render(caller, Page.of(orders.list(filter.where(), filter.params(), size + 1), size,
                o -> o.createdAt().toEpochMilli() + "|" + o.id()));
    }

    /** Renders stored orders for a caller, reading all their hops at once. */
    Page<Map<String, Object>> render(Caller caller, Page<StoredOrder> page) {
        var orderHops = hops.of(page.data().stream().map(StoredOrder::id).toList());
        return page.map(o -> views.render(o, orderHops.getOrDefault(o.id(), List.of()), !caller.seesContactData()));
    }

    StoredOrder visible(Caller caller, String id) {
        return orders.find(id)
                .filter(o -> caller.canSee(o.merchantId()))
                .orElseThrow(() -> ApiException.notFound("Order", id));
    }

    Instant now() {
        return clock.instant();
    }

    private static Map<String, Object> entry(OrderHistory.Entry e) {
        var view = new LinkedHashMap<String, Object>();
        view.put("seq", e.seq());
        view.put("at", e.at().toString());
        view.put("type", e.type());
        view.put("fromStatus", e.from() == null ? null : e.from().name());
        view.put("toStatus", e.to().name());
        view.put("actor", e.actor());
        view.put("source", e.source());
        view.put("reason", e.reason());
        view.put("detail", e.detail());
        return view;
    }
}
