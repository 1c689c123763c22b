package io.orderkeep.order;

import java.util.Map;

/**
 * A step that runs after a new order is committed and before its creation response is final: the payments module
 * opens the order's first payment attempt here, so the 201 can carry its {@code payUrl}. The order is already
 * durable when this runs. An implementation must not throw for a third party's trouble (it records the attempt as
 * UNKNOWN instead); it must be safe to run again for the same order, because a retried create after a crash runs it
 * again.
 *
 * @see OrderViewContributor
 */
public interface OrderOpening {

    /**
     * @param order the stored order
     * @param paymentRequest the request's {@code payment} object as given (e.g. {@code {"provider": "sandbox"}}), or empty
     */
    void open(OrderSnapshot order, Map<String, Object> paymentRequest);
}
