package io.orderkeep.sandbox.core;

import java.time.Instant;

/**
 * One payment as the sandbox knows it: the truth that tests and the demo compare Orderkeep against.
 *
 * @param reference the merchant's own reference of what is paid for, when the caller gave one; null otherwise
 */
public record Payment(String providerRef, String outTradeNo, long amount, String currency, String notifyUrl,
        PaymentStatus status, long refundedAmount, String transactionId, Instant createdAt, Instant paidAt,
        Instant failedAt, Instant closedAt, Instant updatedAt, String reference) {

    public long refundable() {
        return status.isPaid() ? amount - refundedAmount : 0;
    }

    /**
     * What the fault dice know this payment by. The caller's {@code outTradeNo} is usually a fresh random id on every
     * run, so when a {@code reference} was given (one that the merchant keeps from run to run, such as its order
     * number) the dice key on it instead, and one seed then strikes the same orders again.
     */
    public String diceKey() {
        return reference != null ? "reference:" + reference : "outTradeNo:" + outTradeNo;
    }
}
