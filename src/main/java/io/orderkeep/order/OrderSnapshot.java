package io.orderkeep.order;

import io.orderkeep.order.domain.OrderStatus;
import java.time.Instant;

/**
 * An order as other modules see it: enough to decide and to address people, without its items and address.
 *
 * @param paymentProvider the provider the order asked for ({@code payment.provider}), or null for the default
 * @param customerEmail unmasked; for sending, never for logging
 */
public record OrderSnapshot(String id, String number, String merchantId, OrderStatus status, String currency,
        long totalAmount, long refundedAmount, String paymentProvider, String customerEmail, String customerLocale,
        boolean needsAttention, Instant createdAt, Instant updatedAt, long version) {}
