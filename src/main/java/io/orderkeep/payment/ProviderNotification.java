package io.orderkeep.payment;

import java.time.Instant;

/** A notification whose signature checked out, parsed: what the provider says happened to one payment. */
public record ProviderNotification(String eventId, String providerRef, String outTradeNo,
        ProviderPayment.Status status, long amount, String currency, Instant occurredAt) {

    public ProviderPayment payment() {
        return new ProviderPayment(providerRef, outTradeNo, status, null, amount, currency, false);
    }
}
