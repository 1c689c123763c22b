package io.orderkeep.payment;

/**
 * What a provider needs to open a payment.
 *
 * @param outTradeNo our attempt id ({@code pay_…}): the provider's idempotency key
 * @param amount minor units
 * @param notifyUrl where the provider sends its notifications
 * @param reference what the payment is for, as the merchant knows it (the order's {@code merchantOrderRef}, else its
 *     number): real providers take such an order subject, and the sandbox keys its fault dice on it
 */
public record CreatePayment(String outTradeNo, long amount, String currency, String notifyUrl, String reference) {}
