package io.orderkeep.payment.internal;

import io.orderkeep.audit.AuditTrail;
import io.orderkeep.order.Change;
import io.orderkeep.order.OrderLifecycle;
import io.orderkeep.order.OrderSnapshot;
import io.orderkeep.order.TransitionOutcome;
import io.orderkeep.order.domain.OrderCommand;
import io.orderkeep.order.domain.OrderStatus;
import io.orderkeep.payment.ProviderRejected;
import io.orderkeep.payment.ProviderUnavailable;
import io.orderkeep.payment.domain.PaymentAttempt;
import io.orderkeep.payment.jdbc.PaymentAttempts;
import io.orderkeep.payment.jdbc.Refunds;
import io.orderkeep.platform.ApiException;
import io.orderkeep.platform.Ids;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Lazy;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refunds through the provider, in three steps so no transaction is held across the HTTP call: record the refund
 * PENDING; ask the provider (idempotent on our refund id); then mark it SUCCEEDED and refund the order through its
 * state machine in one transaction. An unclear answer leaves the row PENDING, and a retry of the same order and
 * amount reuses it, so the provider never refunds twice.
 */
@Component
public class RefundDesk {

    private static final Set<OrderStatus> REFUNDABLE = EnumSet.of(OrderStatus.PAID, OrderStatus.FULFILLED,
            OrderStatus.COMPLETED, OrderStatus.PARTIALLY_REFUNDED);

    private final Refunds refunds;
    private final PaymentAttempts attempts;
    private final OrderLifecycle lifecycle;
    private final Providers providers;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RefundDesk(Refunds refunds, PaymentAttempts attempts, @Lazy OrderLifecycle lifecycle, Providers providers,
            AuditTrail audit, TransactionTemplate transactions, Clock clock) {
        this.refunds = refunds;
        this.attempts = attempts;
        this.lifecycle = lifecycle;
        this.providers = providers;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Refunds {@code amount} minor units of a visible order; the caller checked who may see it. */
    public void refund(OrderSnapshot order, long amount, String reason, String actor) {
        Pending pending = recordOnce(order.id(), amount, reason, actor);
        String providerRef;
        try {
            providerRef = providers.call(pending.attempt().provider(),
                    p -> p.refund(pending.attempt().providerRef(), pending.refund().id(), amount));
        } catch (ProviderUnavailable e) {
            throw ApiException.unavailable("The payment provider did not answer clearly; refund " + pending.refund().id()
                    + " stays pending. Retry the same request: it reuses the pending refund.", 5);
        } catch (ProviderRejected e) {
            transactions.executeWithoutResult(tx -> {
                refunds.settle(pending.refund().id(), "REFUSED", null);
                audit.record(actor, "payment.refund_refused", "refund", pending.refund().id(),
                        Map.of("orderId", order.id(), "amount", amount, "providerReason", String.valueOf(e.getMessage())));
            });
            throw new ApiException(409, "refund_refused", "Refund refused", "The provider refused the refund: "
                    + e.getMessage(), List.of(), Map.of(), Map.of("providerReason", String.valueOf(e.getMessage())));
        }
        transactions.executeWithoutResult(tx -> settle(pending, reason, actor, providerRef));
    }

    private Pending recordOnce(String orderId, long amount, String reason, String actor) {
        try {
            return transactions.execute(tx -> record(orderId, amount, reason, actor));
        } catch (DuplicateKeyException e) {
            // A concurrent request recorded its refund first: this one now reuses it or is told to wait for it.
            return transactions.execute(tx -> record(orderId, amount, reason, actor));
        }
    }

    private record Pending(Refunds.Refund refund, PaymentAttempt attempt) {}

    private Pending record(String orderId, long amount, String reason, String actor) {
        OrderSnapshot order = lifecycle.find(orderId).orElseThrow(() -> ApiException.notFound("Order", orderId));
        PaymentAttempt paid = attempts.paid(orderId).orElse(null);
        if (!REFUNDABLE.contains(order.status()) || paid == null) {
            throw new ApiException(409, "illegal_transition", "Illegal transition", "The order is " + order.status()
                    + ": cannot refund.", List.of(), Map.of(), Map.of("currentStatus", order.status().name()));
        }
        long left = order.totalAmount() - order.refundedAmount();
        if (amount > left) {
            throw ApiException.validation("amount", "must not exceed " + left + ", what is paid and not yet refunded");
        }
        var existing = refunds.pending(orderId);
        if (existing.isPresent() && existing.get().amount() == amount) {
            return new Pending(existing.get(), paid);
        }
        if (existing.isPresent()) {
            throw refundInProgress(existing.get());
        }
        var refund = new Refunds.Refund(Ids.next("ref", clock), orderId, paid.id(), amount, "PENDING");
        refunds.insert(refund, reason);
        audit.record(actor, "payment.refund_requested", "refund", refund.id(),
                Map.of("orderId", orderId, "paymentId", paid.id(), "amount", amount));
        return new Pending(refund, paid);
    }

    private static ApiException refundInProgress(Refunds.Refund pending) {
        return new ApiException(409, "refund_in_progress", "Refund in progress", "Refund " + pending.id() + " of "
                + pending.amount() + " is still waiting for the provider's answer. Retry that refund (same amount) to"
                + " finish it before asking another.", List.of(), Map.of("Retry-After", "5"),
                Map.of("pendingRefundId", pending.id(), "pendingAmount", pending.amount()));
    }

    private void settle(Pending pending, String reason, String actor, String providerRef) {
        var refund = pending.refund();
        if (!refunds.settle(refund.id(), "SUCCEEDED", providerRef)) {
            return; // a concurrent retry of the same refund settled it first
        }
        var detail = new LinkedHashMap<String, Object>();
        detail.put("refundId", refund.id());
        detail.put("paymentId", pending.attempt().id());
        detail.put("providerRefundRef", String.valueOf(providerRef));
        var outcome = lifecycle.apply(refund.orderId(), new OrderCommand.Refund(refund.amount()),
                new Change(actor, "api", reason, detail));
        if (outcome instanceof TransitionOutcome.Refused(var order, var why)) {
            // The money went back at the provider, but the order no longer takes it: a person must look.
            detail.put("amount", refund.amount());
            lifecycle.flagNeedsAttention(refund.orderId(), new Change(actor, "api",
                    "the provider refunded " + refund.amount() + " but the order refused it: " + why, detail));
        }
    }
}
