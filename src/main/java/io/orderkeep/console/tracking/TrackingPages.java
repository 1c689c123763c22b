package io.orderkeep.console.tracking;

import io.orderkeep.access.Merchant;
import io.orderkeep.access.Merchants;
import io.orderkeep.console.Amounts;
import io.orderkeep.order.OrderLifecycle;
import io.orderkeep.order.OrderQueries;
import io.orderkeep.order.OrderSnapshot;
import io.orderkeep.order.TrackingLinks;
import io.orderkeep.order.domain.OrderStatus;
import io.orderkeep.payment.PaymentRetry;
import io.orderkeep.payment.domain.AttemptStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Builds the tracking page of an order for whoever holds its link. The token is checked before anything is read,
 * so a wrong token and an unknown order look the same (empty) and take the same short time.
 */
@Component
class TrackingPages {

    private final TrackingLinks links;
    private final OrderLifecycle lifecycle;
    private final OrderQueries orders;
    private final Merchants merchants;
    private final PaymentRetry retry;
    private final Clock clock;

    TrackingPages(TrackingLinks links, OrderLifecycle lifecycle, OrderQueries orders, Merchants merchants,
            PaymentRetry retry, Clock clock) {
        this.links = links;
        this.lifecycle = lifecycle;
        this.orders = orders;
        this.merchants = merchants;
        this.retry = retry;
        this.clock = clock;
    }

    /** The order the token opens, or empty for a wrong or missing token and for an unknown order. */
    Optional<OrderSnapshot> open(String orderId, String token) {
        if (orderId == null || !links.verify(orderId, token)) {
            return Optional.empty();
        }
        return lifecycle.find(orderId);
    }

    /** The page of an order {@link #open} found, with amounts for {@code locale}. */
    Optional<TrackingPage> page(OrderSnapshot order, String token, Locale locale) {
        return orders.forCustomer(order.id()).map(view -> page(order, token, view, locale));
    }

    private TrackingPage page(OrderSnapshot order, String token, Map<String, Object> view, Locale locale) {
        Map<?, ?> payment = view.get("payment") instanceof Map<?, ?> p ? p : Map.of();
        AttemptStatus attempt = payment.get("status") instanceof String s ? AttemptStatus.valueOf(s) : null;
        OrderStatus status = order.status();
        Situation situation = Situation.of(status, attempt, order.needsAttention(), retry.allowed(order));
        Map<?, ?> customer = view.get("customer") instanceof Map<?, ?> c ? c : Map.of();
        String currency = order.currency();
        var items = ((List<?>) view.get("items")).stream().map(Map.class::cast)
                .map(item -> new TrackingPage.Item((String) item.get("name"), ((Number) item.get("quantity")).longValue(),
                        Amounts.forCustomer(((Number) item.get("amount")).longValue(), currency, locale)))
                .toList();
        String merchantName = merchants.find(order.merchantId()).map(Merchant::name).orElse(order.merchantId());
        return new TrackingPage(order.id(), token, order.number(), order.merchantId(), merchantName, status.name(),
                situation, Step.of(status, attempt, hops(view), clock.instant()), items,
                Amounts.forCustomer(order.totalAmount(), currency, locale),
                order.refundedAmount() > 0 ? Amounts.forCustomer(order.refundedAmount(), currency, locale) : null,
                (String) customer.get("name"), (String) customer.get("email"), (String) customer.get("phone"),
                situation.offersPayLink() ? (String) payment.get("payUrl") : null, order.createdAt(), order.updatedAt());
    }

    private static Map<String, Step.HopView> hops(Map<String, Object> view) {
        var hops = new LinkedHashMap<String, Step.HopView>();
        for (Object each : (List<?>) view.get("hops")) {
            Map<?, ?> hop = (Map<?, ?>) each;
            Object due = hop.get("dueAt");
            hops.put((String) hop.get("hop"), new Step.HopView((String) hop.get("hop"), (String) hop.get("state"),
                    due == null ? null : Instant.parse((String) due)));
        }
        return hops;
    }
}
