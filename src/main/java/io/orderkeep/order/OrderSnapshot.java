package io.orderkeep.order;

import io.orderkeep.order.domain.OrderStatus;
import java.time.Instant;

/**
 * An order as other modules see it: enough to decide and to address people, without its items and address.
 *
 * @param merchantOrderRef the merchant's own reference of the order, or null when it gave none
 * @param paymentProvider the provider the order asked for ({@code payment.provider}), or null for the default
 * @param customerEmail unmasked; for sending, never for logging
 */
public record OrderSnapshot(String id, String number, String merchantId, String merchantOrderRef, OrderStatus status,
        String currency, long totalAmount, long refundedAmount, String paymentProvider, String customerEmail,
        String customerLocale, boolean needsAttention, Instant createdAt, Instant updatedAt, long version) {

    /** How the merchant would name this order to a provider: its own reference, else our order number. */
    public String reference() {
        return merchantOrderRef != null ? merchantOrderRef : number;
    }
}
