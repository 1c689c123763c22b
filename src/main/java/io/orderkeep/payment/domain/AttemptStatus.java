package io.orderkeep.payment.domain;

import io.orderkeep.payment.ProviderPayment;

/**
 * Where one payment attempt stands (DESIGN.md). {@code UNKNOWN} means our call failed and the money may or may not
 * have moved: it is never read as failed, only a provider's answer resolves it.
 */
public enum AttemptStatus {
    PENDING,
    UNKNOWN,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    /** Still waiting for the provider's result: the watch queries it. */
    public boolean isOpen() {
        return this == PENDING || this == UNKNOWN;
    }

    /**
     * Where a provider's answer takes the attempt. It only moves forward: an open attempt takes any result; a
     * success is final; a failed or cancelled attempt takes only a success, because money that arrived late arrived
     * all the same (the order then needs a person). NOT_FOUND changes nothing: the create may still be on its way.
     */
    public AttemptStatus after(ProviderPayment.Status reported) {
        return switch (this) {
            case PENDING, UNKNOWN -> switch (reported) {
                case PENDING -> PENDING;
                case SUCCEEDED -> SUCCEEDED;
                case FAILED -> FAILED;
                case CLOSED -> CANCELLED;
                case NOT_FOUND -> this;
            };
            case SUCCEEDED -> SUCCEEDED;
            case FAILED, CANCELLED -> reported == ProviderPayment.Status.SUCCEEDED ? SUCCEEDED : this;
        };
    }
}
