package io.orderkeep.payment;

/**
 * A payment as the provider sees it.
 *
 * @param providerRef the provider's id for it, null when unknown
 * @param payUrl where the customer pays, when the provider gives one
 * @param amount minor units, or -1 when the provider did not say
 * @param retryable for a FAILED payment: whether the provider says trying again may succeed
 */
public record ProviderPayment(String providerRef, String outTradeNo, Status status, String payUrl, long amount,
        String currency, boolean retryable) {

    /** The provider's verdict, reduced to what Orderkeep acts on. */
    public enum Status {
        /** The provider has it and no result yet. */
        PENDING,
        /** The money arrived (refunds later do not undo that). */
        SUCCEEDED,
        /** The customer's payment failed. */
        FAILED,
        /** Closed unpaid; it can no longer be paid. */
        CLOSED,
        /** The provider never had it: our create did not reach it. */
        NOT_FOUND
    }

    public static ProviderPayment notFound(String outTradeNo) {
        return new ProviderPayment(null, outTradeNo, Status.NOT_FOUND, null, -1, null, false);
    }
}
