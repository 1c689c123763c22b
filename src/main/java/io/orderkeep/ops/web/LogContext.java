package io.orderkeep.ops.web;

import io.orderkeep.order.OrderEvent;
import io.orderkeep.platform.LogScope;
import org.slf4j.MDC;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The MDC keys Orderkeep logs with. An order event published inside a request (events are synchronous) names the
 * order the request is about, so a create or a payment notification logs its order id from then on. Outside a
 * request (schedulers reuse threads) nothing is put, so no id outlives its work.
 */
@Component
class LogContext {

    static final String REQUEST_ID = "requestId";
    static final String ORDER_ID = LogScope.ORDER_ID;

    @EventListener
    void on(OrderEvent event) {
        if (MDC.get(REQUEST_ID) != null) {
            MDC.put(ORDER_ID, event.orderId());
        }
    }
}
