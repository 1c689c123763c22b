package io.orderkeep.order;

import io.orderkeep.order.domain.EventType;
import java.time.Instant;
import java.util.Map;

/**
 * An order event, published synchronously inside the transaction that made the change. Listeners that write
 * (the delivery outbox, above all) join that transaction, so an event exists exactly when its change does.
 *
 * @param eventId {@code evt_…}, the same id wherever the event is delivered
 * @param type what happened
 * @param orderId the order
 * @param merchantId the order's merchant
 * @param customerEmail the customer's e-mail, unmasked, or null (for the customer notifications)
 * @param customerLocale the customer's locale ({@code zh-CN} or {@code en})
 * @param at when it happened
 * @param order the order as the API shows it to its merchant, after the change
 */
public record OrderEvent(String eventId, EventType type, String orderId, String merchantId, String customerEmail,
        String customerLocale, Instant at, Map<String, Object> order) {}
