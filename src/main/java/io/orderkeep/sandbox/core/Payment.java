package io.orderkeep.sandbox.core;

import java.time.Instant;

/** One payment as the sandbox knows it: the truth that tests and the demo compare Orderkeep against. */
public record Payment(String providerRef, String outTradeNo, long amount, String currency, String notifyUrl,
        PaymentStatus status, long refundedAmount, String transactionId, Instant createdAt, Instant paidAt,
        Instant failedAt, Instant closedAt, Instant updatedAt) {

    public long refundable() {
        return status.isPaid() ? amount - refundedAmount : 0;
    }
}
