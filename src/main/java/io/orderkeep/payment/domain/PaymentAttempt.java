package io.orderkeep.payment.domain;

import java.time.Instant;

/**
 * One try at collecting an order's money through one provider. Its id ({@code pay_…}) is the provider's
 * {@code outTradeNo}, so a repeated create can never charge twice.
 *
 * @param number 1 for the order's first attempt, then 2, 3 … after failures
 * @param providerRef the provider's id, once it told us
 * @param dueAt when the watch should next look at it (query, expire); null when there is nothing left to do
 * @param queryCount how many times the watch asked the provider
 * @param expiresAt when the order may be expired if still unpaid
 */
public record PaymentAttempt(String id, String orderId, String provider, int number, AttemptStatus status,
        long amount, String currency, String providerRef, String payUrl, Instant openedAt, Instant dueAt,
        int queryCount, Instant expiresAt, long version) {}
