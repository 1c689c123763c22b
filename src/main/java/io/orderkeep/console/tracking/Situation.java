package io.orderkeep.console.tracking;

import io.orderkeep.order.domain.OrderStatus;
import io.orderkeep.payment.domain.AttemptStatus;

/**
 * What the customer should know and do now, in one word each: the tracking page shows the situation's message
 * ({@code tracking.situation.<name>.title} and {@code .text}) and, for two of them, a button. Decided from the
 * order's status, its latest payment attempt and whether a person is looking at it.
 */
enum Situation {
    /** The provider has the payment and no result yet: the customer may pay now, or has paid and must not again. */
    AWAITING_PAYMENT,
    /** Our call to the provider gave no clear answer, or no attempt was opened yet: the money may have moved. */
    CONFIRMING_PAYMENT,
    /** The last attempt failed and a new one may be opened: "try again". */
    PAYMENT_FAILED,
    /** The last attempt ended without a retry (cancelled at the provider): the shop must help. */
    PAYMENT_STOPPED,
    PAID,
    FULFILLED,
    COMPLETED,
    CANCELLED,
    EXPIRED,
    PARTIALLY_REFUNDED,
    REFUNDED,
    /** Something did not add up (e.g. the provider reported another amount): people are on it. */
    NEEDS_ATTENTION;

    /**
     * @param payment the latest attempt's status, or null before the first attempt
     * @param retryAllowed whether a new attempt may be opened (see {@code payment.PaymentRetry})
     */
    static Situation of(OrderStatus status, AttemptStatus payment, boolean needsAttention, boolean retryAllowed) {
        if (needsAttention && !status.isTerminal()) {
            return NEEDS_ATTENTION;
        }
        return switch (status) {
            case PENDING_PAYMENT -> switch (payment) {
                case null -> CONFIRMING_PAYMENT;
                case PENDING -> AWAITING_PAYMENT;
                // A success the order has not taken yet is being applied: telling the customer to pay would be wrong.
                case UNKNOWN, SUCCEEDED -> CONFIRMING_PAYMENT;
                case FAILED -> retryAllowed ? PAYMENT_FAILED : PAYMENT_STOPPED;
                case CANCELLED -> PAYMENT_STOPPED;
            };
            case PAID -> PAID;
            case FULFILLED -> FULFILLED;
            case COMPLETED -> COMPLETED;
            case CANCELLED -> CANCELLED;
            case EXPIRED -> EXPIRED;
            case PARTIALLY_REFUNDED -> PARTIALLY_REFUNDED;
            case REFUNDED -> REFUNDED;
        };
    }

    /** The page offers the provider's pay link. */
    public boolean offersPayLink() {
        return this == AWAITING_PAYMENT;
    }

    /** The page offers "try again", which opens a new attempt. */
    public boolean offersRetry() {
        return this == PAYMENT_FAILED;
    }

    /** The CSS tone of the message: good news, waiting, or something the customer should act on or know. */
    public String tone() {
        return switch (this) {
            case PAID, FULFILLED, COMPLETED, REFUNDED, PARTIALLY_REFUNDED -> "good";
            case AWAITING_PAYMENT, CONFIRMING_PAYMENT, NEEDS_ATTENTION -> "wait";
            case PAYMENT_FAILED, PAYMENT_STOPPED, CANCELLED, EXPIRED -> "stop";
        };
    }

    /** The message key's stem ({@code awaiting-payment}). */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
