package io.orderkeep.order.intake;

import io.orderkeep.audit.AuditTrail;
import io.orderkeep.order.core.OrderEvents;
import io.orderkeep.order.domain.EventType;
import io.orderkeep.order.domain.Hop;
import io.orderkeep.order.domain.OrderStatus;
import io.orderkeep.order.jdbc.Hops;
import io.orderkeep.order.jdbc.OrderHistory;
import io.orderkeep.order.jdbc.OrderNumbers;
import io.orderkeep.order.jdbc.Orders;
import io.orderkeep.order.jdbc.StoredOrder;
import io.orderkeep.platform.ApiException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a new order inside the transaction that claimed its idempotency key: the row, its {@code accepted} hop,
 * the first history entry, the {@code order.created} event and the audit entry. A few statements, no reads.
 */
@Component
class OrderCreation {

    private final Orders orders;
    private final Hops hops;
    private final OrderHistory history;
    private final OrderNumbers numbers;
    private final OrderEvents events;
    private final AuditTrail audit;

    OrderCreation(Orders orders, Hops hops, OrderHistory history, OrderNumbers numbers, OrderEvents events,
            AuditTrail audit) {
        this.orders = orders;
        this.hops = hops;
        this.history = history;
        this.numbers = numbers;
        this.events = events;
        this.audit = audit;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    StoredOrder insert(String orderId, NewOrder o, String actor, String idempotencyKey, Instant now) {
        String merchantId = o.merchant().id();
        String number = numbers.next(merchantId, ZoneId.of(o.merchant().timeZone()), now);
        var order = new StoredOrder(orderId, number, merchantId, o.merchantOrderRef(), OrderStatus.PENDING_PAYMENT,
                o.currency(), o.totalAmount(), 0, o.items(), o.customer(), o.shippingAddress(), o.metadata(),
                o.payment(), o.paymentProvider(), o.customerEmail(), o.customerLocale(), false, null, now, now, 1);
        try {
            orders.insert(order);
        } catch (DataAccessException e) {
            if (!takenReference(e)) {
                throw e;
            }
            throw ApiException.conflict("merchant_order_ref_taken", "Merchant order reference taken",
                    "Merchant '" + merchantId + "' already has an order with merchantOrderRef '" + o.merchantOrderRef() + "'.");
        }
        Hop accepted = Hop.accepted(now);
        hops.insert(orderId, accepted);
        history.created(orderId, new OrderHistory.Entry(1, now, EventType.CREATED.wireName(), null,
                OrderStatus.PENDING_PAYMENT, actor, "api", null, Map.of("number", number)));
        events.publish(order, List.of(accepted), EventType.CREATED, now);
        var detail = new LinkedHashMap<String, Object>();
        detail.put("number", number);
        detail.put("merchantId", merchantId);
        detail.put("currency", o.currency());
        detail.put("totalAmount", o.totalAmount());
        detail.put("idempotencyKey", idempotencyKey);
        if (o.merchantOrderRef() != null) {
            detail.put("merchantOrderRef", o.merchantOrderRef());
        }
        // Last: the audit head stays locked until commit, and every writer queues on it.
        audit.record(actor, "order.created", "order", orderId, detail);
        return order;
    }

    /**
     * Whether the insert broke the merchant reference's uniqueness. SQLite's driver reports every constraint as an
     * uncategorised error, so the constraint is recognised by name (PostgreSQL) or by its columns (SQLite).
     */
    private static boolean takenReference(DataAccessException e) {
        String message = String.valueOf(e.getMostSpecificCause().getMessage());
        return message.contains("orders_merchant_ref") || message.contains("orders.merchant_order_ref");
    }
}
