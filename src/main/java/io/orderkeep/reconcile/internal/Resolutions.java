package io.orderkeep.reconcile.internal;

import io.orderkeep.audit.AuditTrail;
import io.orderkeep.order.Change;
import io.orderkeep.order.OrderLifecycle;
import io.orderkeep.order.OrderSnapshot;
import io.orderkeep.order.domain.OrderStatus;
import io.orderkeep.payment.PaymentRecord;
import io.orderkeep.payment.PaymentRecords;
import io.orderkeep.payment.ProviderRejected;
import io.orderkeep.payment.ProviderUnavailable;
import io.orderkeep.platform.ApiException;
import io.orderkeep.reconcile.domain.MatchKind;
import io.orderkeep.reconcile.domain.Verdict;
import io.orderkeep.reconcile.jdbc.RunRows;
import io.orderkeep.reconcile.jdbc.Runs;
import io.orderkeep.reconcile.jdbc.StoredRow;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An operator's decision on a discrepancy waiting for review: {@code REPAIR} (mark an open order paid, or clear
 * the order's flag once put right), {@code REFUND} (give the money back at the provider), {@code IGNORE}. The
 * decision, the change and its audit entry commit together.
 *
 * <p>A refund calls the provider, and no transaction may be held across that call (SQLite has one connection), so
 * it takes three steps: the row is claimed {@code REFUNDING} and the request audited; the provider is asked, outside
 * any transaction, with the refund id {@code rf_<discrepancy id>} it is idempotent on; the decision commits. A crash
 * or an unclear answer between the steps leaves the row {@code REFUNDING}: only {@code REFUND} is then accepted,
 * and it asks the provider again with the same id, so the money goes back once.
 */
@Service
public class Resolutions {

    public enum Action { REPAIR, REFUND, IGNORE }

    static final String REFUNDING = "REFUNDING";

    private final RunRows rows;
    private final Runs runs;
    private final Repairs repairs;
    private final OrderLifecycle orders;
    private final ReconcileProviders providers;
    private final PaymentRecords paymentRecords;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    Resolutions(RunRows rows, Runs runs, Repairs repairs, OrderLifecycle orders, ReconcileProviders providers,
            PaymentRecords paymentRecords, AuditTrail audit, TransactionTemplate tx, Clock clock) {
        this.paymentRecords = paymentRecords;
        this.rows = rows;
        this.runs = runs;
        this.repairs = repairs;
        this.orders = orders;
        this.providers = providers;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public StoredRow resolve(String id, Action action, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw ApiException.validation("reason", "is required");
        }
        if (action != Action.REFUND) {
            return tx.execute(status -> decide(id, "NEEDS_REVIEW", action, reason, actor, null));
        }
        StoredRow claimed = tx.execute(status -> claimRefund(id, reason, actor));
        String reference;
        try {
            reference = refund(claimed);
        } catch (ProviderRejected e) {
            // A clear no: no money moved, so the discrepancy waits for review again.
            tx.executeWithoutResult(status -> {
                rows.reopen(id, REFUNDING);
                audit.record(actor, "discrepancy.refund_refused", "discrepancy", id, Map.of("refundId",
                        refundId(claimed), "providerReason", String.valueOf(e.getMessage())));
            });
            throw ApiException.conflict("refund_refused", "The provider refused the refund",
                    "the provider refused refund " + refundId(claimed) + ": " + e.getMessage());
        }
        return tx.execute(status -> decide(id, REFUNDING, action, reason, actor, reference));
    }

    /** Step one of a refund: the row moves to REFUNDING (or already is, after an interrupted attempt). */
    private StoredRow claimRefund(String id, String reason, String actor) {
        StoredRow row = waiting(id, REFUNDING);
        if (row.resolution().equals(REFUNDING)) {
            return row;
        }
        if (row.transactionId() == null || row.amount() <= 0) {
            throw ApiException.conflict("refund_impossible", "Nothing to refund at the provider",
                    "discrepancy " + row.id() + " names no provider transaction with an amount");
        }
        if (!rows.resolve(id, "NEEDS_REVIEW", REFUNDING, Action.REFUND.name(), actor, reason, clock.millis())) {
            throw alreadyResolved("someone resolved discrepancy " + id + " meanwhile");
        }
        audit.record(actor, "discrepancy.refund_requested", "discrepancy", id, Map.of("refundId", refundId(row),
                "transactionId", row.transactionId(), "amount", row.amount(), "reason", reason));
        return row;
    }

    private StoredRow decide(String id, String from, Action action, String reason, String actor, String reference) {
        StoredRow row = waiting(id, from);
        if (!row.resolution().equals(from)) {
            throw alreadyResolved("discrepancy " + id + " is " + row.resolution() + ": only REFUND finishes it");
        }
        Optional<OrderSnapshot> order = Optional.ofNullable(row.orderId()).flatMap(orders::find);
        var detail = new LinkedHashMap<String, Object>(Map.of("action", action.name(), "reason", reason,
                "reconciliation", row.runId(), "kind", row.kind(), "line", row.line()));
        String resolution = switch (action) {
            case REPAIR -> {
                if (order.isPresent() && order.get().status() == OrderStatus.PENDING_PAYMENT
                        && MatchKind.MISSING_LOCAL.name().equals(row.kind())) {
                    var decision = repairs.markPaid(row.runId(), verdict(row), row.orderId());
                    if (!Summaries.isRepaired(decision.resolution())) {
                        throw ApiException.conflict("repair_refused", "The order cannot be marked paid",
                                decision.suggestion());
                    }
                    detail.put("orderMarkedPaid", row.orderId());
                }
                yield "REPAIRED";
            }
            case REFUND -> {
                detail.put("refundReference", reference);
                yield "REFUNDED";
            }
            case IGNORE -> "DISMISSED";
        };
        order.filter(OrderSnapshot::needsAttention).ifPresent(o -> orders.clearNeedsAttention(o.id(),
                new Change(actor, "reconciliation", action.name().toLowerCase() + ": " + reason, detail)));
        if (!rows.resolve(id, from, resolution, action.name(), actor, reason, clock.millis())) {
            throw alreadyResolved("someone resolved discrepancy " + id + " meanwhile");
        }
        audit.record(actor, "discrepancy.resolved", "discrepancy", id, detail);
        return rows.find(id).orElseThrow();
    }

    /** The row, if it waits for review or is in {@code alsoAccepted}; else 409. */
    private StoredRow waiting(String id, String alsoAccepted) {
        StoredRow row = rows.find(id).orElseThrow(() -> ApiException.notFound("Discrepancy", id));
        if (!"NEEDS_REVIEW".equals(row.resolution()) && !alsoAccepted.equals(row.resolution())) {
            throw alreadyResolved("discrepancy " + id + " is " + row.resolution());
        }
        return row;
    }

    /** Step two, in no transaction: the provider refunds once per {@code rf_<discrepancy id>}, however often asked. */
    private String refund(StoredRow row) {
        String provider = runs.find(row.runId()).map(r -> r.provider()).orElseThrow();
        var payments = providers.paymentProvider(provider).orElseThrow(() -> ApiException.conflict(
                "refund_impossible", "Provider cannot refund", "provider " + provider + " has no refund API here"));
        try {
            return payments.refund(providerRef(row), refundId(row), row.amount());
        } catch (ProviderUnavailable e) {
            throw ApiException.unavailable("the provider did not answer the refund; the discrepancy stays "
                    + REFUNDING + ", try again: the same refund is asked again, never a second one", 5);
        }
    }

    /** The payment at the provider: the row's reference, else its attempt's, else the transaction id it lists. */
    private String providerRef(StoredRow row) {
        if (row.providerRef() != null) {
            return row.providerRef();
        }
        return Optional.ofNullable(row.attemptId()).map(id -> paymentRecords.byAttemptIds(null, List.of(id)).get(id))
                .map(PaymentRecord::providerRef).orElse(row.transactionId());
    }

    private static String refundId(StoredRow row) {
        return "rf_" + row.id();
    }

    private static ApiException alreadyResolved(String detail) {
        return ApiException.conflict("already_resolved", "Discrepancy is not waiting for review", detail);
    }

    private static Verdict verdict(StoredRow row) {
        return new Verdict(MatchKind.valueOf(row.kind()), row.line(), row.transactionId(), row.attemptId(),
                row.refundId(), row.orderId(), row.amount(), row.currency(), row.detail());
    }
}
