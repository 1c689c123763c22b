package io.orderkeep.payment.internal;

import io.orderkeep.audit.AuditTrail;
import io.orderkeep.order.Change;
import io.orderkeep.order.HopLedger;
import io.orderkeep.order.OrderLifecycle;
import io.orderkeep.order.TransitionOutcome;
import io.orderkeep.order.domain.HopName;
import io.orderkeep.order.domain.OrderCommand;
import io.orderkeep.order.domain.OrderStatus;
import io.orderkeep.payment.ProviderPayment;
import io.orderkeep.payment.domain.AttemptStatus;
import io.orderkeep.payment.domain.PaymentAttempt;
import io.orderkeep.payment.domain.QuerySchedule;
import io.orderkeep.payment.jdbc.PaymentAttempts;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies what a provider says about a payment — from a notification, a query, a create or a close — to the attempt
 * and, through the order's state machine, to the order. Every path that learns something from a provider ends here,
 * so a notification and a query saying the same thing have the same effect, once.
 */
@Component
public class Outcomes {

    private final PaymentAttempts attempts;
    private final OrderLifecycle lifecycle;
    private final HopLedger hops;
    private final AuditTrail audit;
    private final Providers providers;
    private final Clock clock;

    /** The order module calls us (opening, views) and we call it back: lazy references break the construction cycle. */
    Outcomes(PaymentAttempts attempts, @Lazy OrderLifecycle lifecycle, @Lazy HopLedger hops, AuditTrail audit,
            Providers providers, Clock clock) {
        this.attempts = attempts;
        this.lifecycle = lifecycle;
        this.hops = hops;
        this.audit = audit;
        this.providers = providers;
        this.clock = clock;
    }

    /** What became of the attempt, and whether a new attempt should be opened at once (a retryable failure). */
    public record Result(PaymentAttempt attempt, boolean retryNow) {}

    /**
     * @param queried whether this answer came from a scheduled query (it then counts as one, and the next is planned)
     * @param expiring whether the attempt was closed because the order's window ran out: a close confirmed by the
     *     provider then expires the order
     */
    @Transactional
    public Result apply(String attemptId, ProviderPayment reported, Change change, boolean queried, boolean expiring) {
        PaymentAttempt attempt = attempts.lock(attemptId)
                .orElseThrow(() -> new IllegalStateException("payment attempt " + attemptId + " vanished: indicates a bug"));
        Instant now = clock.instant();
        int count = attempt.queryCount() + (queried ? 1 : 0);
        if (reported.status() == ProviderPayment.Status.SUCCEEDED && mismatch(attempt, reported)) {
            attempts.update(with(attempt, attempt.status(), attempt.providerRef(), attempt.payUrl(), null, count), false);
            var detail = detail(attempt, reported);
            detail.put("expectedAmount", attempt.amount());
            detail.put("expectedCurrency", attempt.currency());
            lifecycle.flagNeedsAttention(attempt.orderId(), new Change(change.actor(), change.source(),
                    "the provider reports a payment whose amount or currency does not match the order", detail));
            return new Result(attempt, false);
        }
        AttemptStatus next = attempt.status().after(reported.status());
        // The reference the provider gave first stays: queries, refunds and reconciliation name the payment by it. A
        // different one in a later answer is kept in that answer's audit entry (reportedProviderRef), not adopted.
        String ref = attempt.providerRef() != null ? attempt.providerRef() : reported.providerRef();
        String payUrl = reported.payUrl() != null ? reported.payUrl() : attempt.payUrl();
        Instant due = switch (next) {
            case PENDING, UNKNOWN -> queried ? nextLook(attempt, now) : attempt.dueAt();
            // Nothing left to ask the provider; the watch comes back at the window's end to expire the order if unpaid.
            case FAILED, CANCELLED -> attempt.status() == next ? attempt.dueAt() : attempt.expiresAt();
            case SUCCEEDED -> null;
        };
        boolean changed = next != attempt.status();
        boolean retryable = next == AttemptStatus.FAILED && reported.retryable();
        PaymentAttempt updated = attempts.update(with(attempt, next, ref, payUrl, due, count), retryable);
        if (changed && next == AttemptStatus.FAILED) {
            var failed = new LinkedHashMap<String, Object>(change.detail());
            failed.putAll(detail(attempt, reported));
            lifecycle.recordPaymentFailed(attempt.orderId(), new Change(change.actor(), change.source(),
                    "payment attempt " + attempt.number() + " failed at the provider", failed));
        }
        if (next.isOpen() && queried && due == null) {
            exhausted(updated, change);
        }
        // Not only when this answer closed it: the provider's own "closed" notification may have come first.
        if (next == AttemptStatus.CANCELLED && expiring) {
            lifecycle.apply(attempt.orderId(), new OrderCommand.Expire(), new Change(change.actor(), change.source(),
                    "unpaid when its payment window ended; the provider confirmed and closed the payment", Map.of("paymentId", attemptId)));
        }
        if (!changed) {
            if (queried) {
                // An answer that changed nothing is evidence too: when we asked, and what the provider said.
                audit.record(change.actor(), "payment.query_answered", "payment", attemptId,
                        audited(attempt, reported, change));
            }
            return new Result(updated, false);
        }
        switch (next) {
            case SUCCEEDED -> paid(updated, reported, change);
            case FAILED, CANCELLED -> hops.returned(attempt.orderId(), HopName.PAYMENT, now);
            case PENDING, UNKNOWN -> { }
        }
        // Last, after every change to the order: each transaction takes the order's row lock before the audit head,
        // so two of them can never wait on each other the other way round.
        audit.record(change.actor(), "payment." + next.name().toLowerCase(Locale.ROOT), "payment", attemptId,
                audited(attempt, reported, change));
        boolean retryNow = retryable && providers.get(attempt.provider()).settings().retryFailed();
        return new Result(updated, retryNow);
    }

    /** The watch asked and got no answer: counts as a query, plans the next one, escalates when none is left. */
    @Transactional
    public PaymentAttempt unanswered(String attemptId, String why, Change change) {
        PaymentAttempt attempt = attempts.lock(attemptId).orElseThrow();
        Instant due = attempt.status().isOpen() ? nextLook(attempt, clock.instant()) : attempt.dueAt();
        PaymentAttempt updated = attempts.update(with(attempt, attempt.status(), attempt.providerRef(),
                attempt.payUrl(), due, attempt.queryCount() + 1), false);
        audit.record(change.actor(), "payment.query_unanswered", "payment", attemptId, Map.of("reason", why));
        if (attempt.status().isOpen() && due == null) {
            exhausted(updated, change);
        }
        return updated;
    }

    /**
     * A failed or closed attempt at the end of its window: if it is still the order's latest and the order is unpaid,
     * the order expires (nothing is open at the provider any more).
     */
    @Transactional
    public void expireUnpaid(String attemptId, Change change) {
        PaymentAttempt attempt = attempts.lock(attemptId).orElseThrow();
        if (clock.instant().isBefore(attempt.expiresAt())) {
            return;
        }
        attempts.update(with(attempt, attempt.status(), attempt.providerRef(), attempt.payUrl(), null,
                attempt.queryCount()), false);
        boolean latest = attempts.latest(attempt.orderId()).map(a -> a.id().equals(attemptId)).orElse(false);
        boolean unpaid = lifecycle.find(attempt.orderId()).map(o -> o.status() == OrderStatus.PENDING_PAYMENT).orElse(false);
        if (!attempt.status().isOpen() && attempt.status() != AttemptStatus.SUCCEEDED && latest && unpaid) {
            lifecycle.apply(attempt.orderId(), new OrderCommand.Expire(), new Change(change.actor(), change.source(),
                    "unpaid when its payment window ended; the last payment attempt was " + attempt.status(),
                    Map.of("paymentId", attemptId)));
        }
    }

    /**
     * Gives up an attempt the provider never confirmed (no reference, so the customer never had a pay URL) while the
     * provider cannot be reached: its order is being cancelled, and no one can have paid through it.
     * @return whether it was given up; false if it is no longer open or the provider did confirm it meanwhile
     */
    @Transactional
    public boolean abandon(String attemptId, Change change) {
        PaymentAttempt attempt = attempts.lock(attemptId).orElseThrow();
        if (!attempt.status().isOpen() || attempt.providerRef() != null) {
            return false;
        }
        attempts.update(with(attempt, AttemptStatus.CANCELLED, null, null, attempt.expiresAt(), attempt.queryCount()), false);
        audit.record(change.actor(), "payment.abandoned", "payment", attemptId, Map.of("orderId", attempt.orderId(),
                "reason", "the provider never confirmed the payment and could not be reached before the cancel"));
        hops.skipped(attempt.orderId(), HopName.PAYMENT, clock.instant());
        return true;
    }

    /** Whether the order still waits for its money: only then may a payment be (re)created for it. */
    public boolean unpaid(String orderId) {
        return lifecycle.find(orderId).map(o -> o.status() == OrderStatus.PENDING_PAYMENT).orElse(false);
    }

    private void paid(PaymentAttempt attempt, ProviderPayment reported, Change change) {
        var detail = new LinkedHashMap<String, Object>(change.detail());
        detail.putAll(detail(attempt, reported));
        var outcome = lifecycle.apply(attempt.orderId(), new OrderCommand.MarkPaid(),
                new Change(change.actor(), change.source(), change.reason(), detail));
        hops.returned(attempt.orderId(), HopName.PAYMENT, clock.instant());
        boolean paidTwice = outcome instanceof TransitionOutcome.AlreadyThere && attempts.succeeded(attempt.orderId()) > 1;
        if (outcome instanceof TransitionOutcome.Refused || paidTwice) {
            var refund = new LinkedHashMap<String, Object>(detail);
            refund.put("suggestedRefund", Map.of("paymentId", attempt.id(), "amount", attempt.amount(),
                    "currency", attempt.currency(), "providerRef", String.valueOf(attempt.providerRef())));
            lifecycle.flagNeedsAttention(attempt.orderId(), new Change(change.actor(), change.source(), paidTwice
                    ? "a second payment succeeded for an order already paid: refund it"
                    : "a payment succeeded after the order was " + outcome.order().status() + ": refund it", refund));
        }
    }

    private void exhausted(PaymentAttempt attempt, Change change) {
        hops.failed(attempt.orderId(), HopName.PAYMENT, clock.instant());
        lifecycle.flagNeedsAttention(attempt.orderId(), new Change(change.actor(), "watch",
                "the provider's result is still unknown after every scheduled query",
                Map.of("paymentId", attempt.id(), "status", attempt.status().name(), "queries", attempt.queryCount())));
    }

    /** The next scheduled query, or the end of the payment window if that comes first; null when the schedule is done. */
    private Instant nextLook(PaymentAttempt attempt, Instant now) {
        var schedule = new QuerySchedule(providers.get(attempt.provider()).settings().querySchedule());
        Instant query = schedule.next(attempt.openedAt(), now).orElse(null);
        if (query != null && attempt.expiresAt().isAfter(now) && attempt.expiresAt().isBefore(query)) {
            return attempt.expiresAt();
        }
        return query;
    }

    private static boolean mismatch(PaymentAttempt attempt, ProviderPayment reported) {
        return (reported.amount() >= 0 && reported.amount() != attempt.amount())
                || (reported.currency() != null && !reported.currency().equalsIgnoreCase(attempt.currency()));
    }

    private static LinkedHashMap<String, Object> detail(PaymentAttempt attempt, ProviderPayment reported) {
        var detail = new LinkedHashMap<String, Object>();
        detail.put("paymentId", attempt.id());
        detail.put("provider", attempt.provider());
        detail.put("reportedStatus", reported.status().name());
        detail.put("reportedAmount", reported.amount());
        detail.put("reportedCurrency", String.valueOf(reported.currency()));
        return detail;
    }

    /** The audit entry of a provider's answer: what it said, and how we learnt it (notification, query, create). */
    private static Map<String, Object> audited(PaymentAttempt attempt, ProviderPayment reported, Change change) {
        var detail = detail(attempt, reported);
        detail.put("reportedProviderRef", String.valueOf(reported.providerRef()));
        detail.put("source", change.source());
        return detail;
    }

    static PaymentAttempt with(PaymentAttempt a, AttemptStatus status, String ref, String payUrl, Instant due, int count) {
        return new PaymentAttempt(a.id(), a.orderId(), a.provider(), a.number(), status, a.amount(), a.currency(), ref,
                payUrl, a.openedAt(), due, count, a.expiresAt(), a.version());
    }
}
