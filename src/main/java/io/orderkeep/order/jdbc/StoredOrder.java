package io.orderkeep.order.jdbc;

import io.orderkeep.order.OrderSnapshot;
import io.orderkeep.order.domain.LineItem;
import io.orderkeep.order.domain.OrderState;
import io.orderkeep.order.domain.OrderStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An order as stored: the row of {@code orders} with its JSON parts parsed. Customer, address, metadata and the
 * payment request are kept as the client gave them (after validation and normalisation).
 */
public record StoredOrder(String id, String number, String merchantId, String merchantOrderRef, OrderStatus status,
        String currency, long totalAmount, long refundedAmount, List<LineItem> items, Map<String, Object> customer,
        Map<String, Object> shippingAddress, Map<String, Object> metadata, Map<String, Object> paymentRequest,
        String paymentProvider, String customerEmail, String customerLocale, boolean needsAttention,
        String attentionReason, Instant createdAt, Instant updatedAt, long version) {

    public OrderState state() {
        return new OrderState(status, totalAmount, refundedAmount);
    }

    public OrderSnapshot snapshot() {
        return new OrderSnapshot(id, number, merchantId, merchantOrderRef, status, currency, totalAmount, refundedAmount,
                paymentProvider, customerEmail, customerLocale, needsAttention, createdAt, updatedAt, version);
    }

    public StoredOrder moved(OrderState next, Instant at) {
        return new StoredOrder(id, number, merchantId, merchantOrderRef, next.status(), currency, totalAmount,
                next.refundedAmount(), items, customer, shippingAddress, metadata, paymentRequest, paymentProvider,
                customerEmail, customerLocale, needsAttention, attentionReason, createdAt, at, version + 1);
    }

    public StoredOrder flagged(boolean flag, String reason, Instant at) {
        return new StoredOrder(id, number, merchantId, merchantOrderRef, status, currency, totalAmount,
                refundedAmount, items, customer, shippingAddress, metadata, paymentRequest, paymentProvider,
                customerEmail, customerLocale, flag, reason, createdAt, at, version + 1);
    }
}
