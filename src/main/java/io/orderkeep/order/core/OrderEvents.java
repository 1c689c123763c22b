package io.orderkeep.order.core;

import io.orderkeep.order.OrderEvent;
import io.orderkeep.order.domain.EventType;
import io.orderkeep.order.jdbc.Hops;
import io.orderkeep.order.jdbc.StoredOrder;
import io.orderkeep.platform.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import io.orderkeep.order.domain.Hop;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishes {@link OrderEvent}s synchronously, in the caller's transaction: listeners that write (the delivery
 * outbox) join it, so an event exists exactly when its change does.
 */
@Component
public class OrderEvents {

    private final ApplicationEventPublisher publisher;
    private final OrderViews views;
    private final Hops hops;
    private final Clock clock;

    OrderEvents(ApplicationEventPublisher publisher, OrderViews views, Hops hops, Clock clock) {
        this.publisher = publisher;
        this.views = views;
        this.hops = hops;
        this.clock = clock;
    }

    public void publish(StoredOrder order, EventType type, Instant at) {
        publish(order, hops.of(order.id()), type, at);
    }

    /** For a caller that already holds the order's hops (a new order), so they need not be read again. */
    public void publish(StoredOrder order, List<Hop> orderHops, EventType type, Instant at) {
        var view = views.render(order, orderHops, false);
        publisher.publishEvent(new OrderEvent(Ids.next("evt", clock), type, order.id(), order.merchantId(),
                order.customerEmail(), order.customerLocale(), at, view));
    }
}
