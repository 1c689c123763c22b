package io.orderkeep.payment;

/**
 * What a provider needs to open a payment.
 *
 * @param outTradeNo our attempt id ({@code pay_…}): the provider's idempotency key
 * @param amount minor units
 * @param notifyUrl where the provider sends its notifications
 */
public record CreatePayment(String outTradeNo, long amount, String currency, String notifyUrl) {}
