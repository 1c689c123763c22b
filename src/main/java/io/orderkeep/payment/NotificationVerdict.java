package io.orderkeep.payment;

/** The outcome of checking a provider's notification: verified and parsed, or rejected with the reason. */
public sealed interface NotificationVerdict {

    record Verified(ProviderNotification notification) implements NotificationVerdict {}

    /** @param reason for the audit trail and the 401 problem: never contains a secret or an expected signature */
    record Rejected(String reason) implements NotificationVerdict {}
}
