package io.orderkeep.delivery.webhook;

import io.orderkeep.delivery.DeliveryProperties;
import io.orderkeep.order.OrderOpening;
import io.orderkeep.order.OrderSnapshot;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Starts sending a new order's {@code order.created} at once, once the order is committed, instead of at the next
 * dispatch pass: the merchant hears of a new order without the poll's delay. Sending does not wait here (the
 * client's response does not), and anything left undone is taken up by the next pass. Being an opening step also
 * makes the creation response show the hops that the outbox marked in the create transaction.
 */
@Component
class NewOrderDispatch implements OrderOpening {

    private static final Logger log = LoggerFactory.getLogger(NewOrderDispatch.class);

    private final Dispatcher dispatcher;
    private final boolean enabled;

    NewOrderDispatch(Dispatcher dispatcher, DeliveryProperties properties) {
        this.dispatcher = dispatcher;
        this.enabled = properties.dispatcherEnabled();
    }

    @Override
    public void open(OrderSnapshot order, Map<String, Object> paymentRequest) {
        if (!enabled) {
            return;
        }
        try {
            dispatcher.startDue();
        } catch (DataAccessException e) {
            log.info("order {}: immediate dispatch skipped ({}); the next pass sends it", order.id(),
                    e.getClass().getSimpleName());
        }
    }
}
