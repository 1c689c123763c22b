package io.orderkeep.order;

import io.orderkeep.order.domain.HopName;
import java.time.Instant;

/**
 * The hops of an order (DESIGN.md): where it must still come back from. Modules open the hops they own and mark
 * them; an order is unreturned while a hop is past due and not returned, or failed. Each method joins the caller's
 * transaction or starts one; marking a hop that is already returned changes nothing.
 */
public interface HopLedger {

    /** Opens (or re-opens, with a new due time) a hop in state PENDING. */
    void open(String orderId, HopName hop, Instant dueAt);

    void returned(String orderId, HopName hop, Instant at);

    void failed(String orderId, HopName hop, Instant at);

    void skipped(String orderId, HopName hop, Instant at);
}
