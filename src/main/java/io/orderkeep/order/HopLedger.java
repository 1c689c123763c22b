package io.orderkeep.order;

import io.orderkeep.order.domain.HopName;
import java.time.Instant;
import java.util.Collection;

/**
 * The hops of an order (DESIGN.md): where it must still come back from. Modules open the hops they own and mark
 * them; an order is unreturned while a hop is past due and not returned, or failed. Each method joins the caller's
 * transaction or starts one; marking a hop that is already returned changes nothing.
 */
public interface HopLedger {

    /** Opens (or re-opens, with a new due time) a hop in state PENDING. */
    void open(String orderId, HopName hop, Instant dueAt);

    void returned(String orderId, HopName hop, Instant at);

    /** {@link #returned(String, HopName, Instant)} for many orders, in one round trip where the store allows. */
    default void returned(Collection<String> orderIds, HopName hop, Instant at) {
        orderIds.forEach(id -> returned(id, hop, at));
    }

    void failed(String orderId, HopName hop, Instant at);

    void skipped(String orderId, HopName hop, Instant at);
}
