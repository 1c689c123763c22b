package io.orderkeep.payment.internal;

import io.orderkeep.order.Change;
import io.orderkeep.payment.PaymentRecord;
import io.orderkeep.payment.PaymentRecords;
import io.orderkeep.payment.ProviderPayment;
import io.orderkeep.payment.jdbc.PaymentLookups;
import io.orderkeep.payment.jdbc.PaymentLookups.Page;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link PaymentRecords}: look-ups through {@link PaymentLookups}, a settled payment through {@link Outcomes}. */
@Component
class StoredPayments implements PaymentRecords {

    /** Rows per page of a window: a page's records and refunds are what the stream holds at once. */
    static final int PAGE = 2_000;

    private final PaymentLookups lookups;
    private final Outcomes outcomes;

    StoredPayments(PaymentLookups lookups, Outcomes outcomes) {
        this.lookups = lookups;
        this.outcomes = outcomes;
    }

    @Override
    public Map<String, PaymentRecord> byProviderRefs(String provider, Collection<String> providerRefs) {
        return lookups.where("provider_ref", provider, providerRefs).stream()
                .collect(Collectors.toMap(PaymentRecord::providerRef, Function.identity(), (first, later) -> first));
    }

    @Override
    public Map<String, PaymentRecord> byAttemptIds(String provider, Collection<String> attemptIds) {
        return lookups.where("id", provider, attemptIds).stream()
                .collect(Collectors.toMap(PaymentRecord::attemptId, Function.identity()));
    }

    @Override
    public Map<String, List<PaymentRecord>> byOrders(Collection<String> orderIds) {
        return lookups.where("order_id", null, orderIds).stream()
                .collect(Collectors.groupingBy(PaymentRecord::orderId, LinkedHashMap::new, Collectors.toList()));
    }

    @Override
    public Stream<PaymentRecord> settledWithin(String provider, Instant from, Instant until) {
        long a = from.toEpochMilli(), b = until.toEpochMilli();
        Stream<PaymentRecord> succeeded = pages((at, id) -> lookups.succeeded(provider, a, b, at, id, PAGE));
        Set<String> seen = new HashSet<>();
        // Only attempts whose own success is outside the window, so none repeats the first part; an attempt with
        // several refunds in the window comes once per refund, hence the set (of those few attempts only).
        Stream<PaymentRecord> refunded = pages((at, id) -> lookups.refunded(provider, a, b, at, id, PAGE))
                .filter(p -> seen.add(p.attemptId()));
        return Stream.concat(succeeded, refunded);
    }

    @Override
    @Transactional
    public PaymentRecord markSettled(String attemptId, String providerRef, long amount, String currency,
            Change change) {
        outcomes.apply(attemptId, new ProviderPayment(providerRef, attemptId, ProviderPayment.Status.SUCCEEDED, null,
                amount, currency, false), change, false, false);
        return lookups.where("id", null, List.of(attemptId)).getFirst();
    }

    private interface PageQuery {
        Page after(long at, String id);
    }

    /** A lazy stream of every page's records; each page is fetched when the previous one is used up. */
    private static Stream<PaymentRecord> pages(PageQuery query) {
        Iterator<PaymentRecord> it = new Iterator<>() {
            private Page page;
            private int next;

            @Override
            public boolean hasNext() {
                // Until a query finds nothing: a page of the refunded part may hold fewer records than rows read.
                while (page == null || next == page.records().size()) {
                    if (page != null && page.lastId() == null) {
                        return false;
                    }
                    page = page == null ? query.after(0, null) : query.after(page.lastAt(), page.lastId());
                    next = 0;
                }
                return true;
            }

            @Override
            public PaymentRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.records().get(next++);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED), false);
    }
}
