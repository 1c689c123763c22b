package io.orderkeep.payment;

import io.orderkeep.order.Change;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The payments module's records for other modules: look-ups by the keys a provider's settlement file carries, made
 * for batches (each call is a few queries whatever the number of keys), and the attempts that succeeded within a
 * window, streamed in pages. Every record comes with its refunds. Look-ups by a settlement file's keys and the window
 * take the provider ({@code payment_attempts.provider}) whose file it is: one provider's file must never name, nor
 * miss, another provider's payments.
 */
public interface PaymentRecords {

    /** By provider reference; when two attempts share one (never expected), the smallest attempt id wins. */
    Map<String, PaymentRecord> byProviderRefs(String provider, Collection<String> providerRefs);

    /** By attempt id, the out trade number the provider knows; {@code provider} null: whichever provider's. */
    Map<String, PaymentRecord> byAttemptIds(String provider, Collection<String> attemptIds);

    /**
     * Every attempt of each order, in attempt number order, whatever its provider (an order paid through two
     * providers was paid twice); orders without any are absent.
     */
    Map<String, List<PaymentRecord>> byOrders(Collection<String> orderIds);

    /**
     * Every attempt of {@code provider} that succeeded within [{@code from}, {@code until}), then every other attempt
     * of it with a refund that succeeded within it; each once. Read lazily in keyset pages, each page its own short query, so no connection
     * or transaction is held between pages and memory stays one page whatever the table's size. Close the stream.
     */
    Stream<PaymentRecord> settledWithin(String provider, Instant from, Instant until);

    /**
     * Records that the provider collected this attempt's money although Orderkeep never heard (its settlement file
     * lists it): the same path as a provider's notification, so the attempt becomes SUCCEEDED, the order is marked
     * paid through its state machine (or flagged when it no longer takes the money), and the attempt's change is
     * audited. Joins the caller's transaction. Nothing happens to an attempt already SUCCEEDED.
     *
     * @param change who and why, e.g. source {@code reconciliation}; its detail goes to the order's history
     * @return the attempt as it now stands
     */
    PaymentRecord markSettled(String attemptId, String providerRef, long amount, String currency, Change change);
}
