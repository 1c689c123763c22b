package io.orderkeep.reconcile.internal;

import io.orderkeep.audit.AuditTrail;
import io.orderkeep.order.Change;
import io.orderkeep.order.OrderLifecycle;
import io.orderkeep.order.OrderSnapshot;
import io.orderkeep.order.domain.OrderStatus;
import io.orderkeep.payment.ProviderUnavailable;
import io.orderkeep.platform.ApiException;
import io.orderkeep.reconcile.domain.MatchKind;
import io.orderkeep.reconcile.domain.Verdict;
import io.orderkeep.reconcile.jdbc.RunRows;
import io.orderkeep.reconcile.jdbc.Runs;
import io.orderkeep.reconcile.jdbc.StoredRow;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An operator's decision on a discrepancy waiting for review: {@code REPAIR} (mark an open order paid, or clear
 * the order's flag once put right), {@code REFUND} (give the money back at the provider, idempotent on the
 * discrepancy), {@code IGNORE}. The decision, the change and its audit entry commit together.
 */
@Service
public class Resolutions {

    public enum Action { REPAIR, REFUND, IGNORE }

    private final RunRows rows;
    private final Runs runs;
    private final Repairs repairs;
    private final OrderLifecycle orders;
    private final ReconcileProviders providers;
    private final AuditTrail audit;
    private final Clock clock;

    Resolutions(RunRows rows, Runs runs, Repairs repairs, OrderLifecycle orders, ReconcileProviders providers,
            AuditTrail audit, Clock clock) {
        this.rows = rows;
        this.runs = runs;
        this.repairs = repairs;
        this.orders = orders;
        this.providers = providers;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public StoredRow resolve(String id, Action action, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw ApiException.validation("reason", "is required");
        }
        StoredRow row = rows.find(id).orElseThrow(() -> ApiException.notFound("Discrepancy", id));
        if (!"NEEDS_REVIEW".equals(row.resolution())) {
            throw ApiException.conflict("already_resolved", "Discrepancy is not waiting for review",
                    "discrepancy " + id + " is " + row.resolution());
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
                detail.put("refundReference", refund(row));
                yield "REFUNDED";
            }
            case IGNORE -> "DISMISSED";
        };
        order.filter(OrderSnapshot::needsAttention).ifPresent(o -> orders.clearNeedsAttention(o.id(),
                new Change(actor, "reconciliation", action.name().toLowerCase() + ": " + reason, detail)));
        if (!rows.resolve(id, resolution, action.name(), actor, reason, clock.millis())) {
            throw ApiException.conflict("already_resolved", "Discrepancy is not waiting for review",
                    "someone resolved discrepancy " + id + " meanwhile");
        }
        audit.record(actor, "discrepancy.resolved", "discrepancy", id, detail);
        return rows.find(id).orElseThrow();
    }

    private String refund(StoredRow row) {
        if (row.transactionId() == null || row.amount() <= 0) {
            throw ApiException.conflict("refund_impossible", "Nothing to refund at the provider",
                    "discrepancy " + row.id() + " names no provider transaction with an amount");
        }
        String provider = runs.find(row.runId()).map(r -> r.provider()).orElseThrow();
        var payments = providers.paymentProvider(provider).orElseThrow(() -> ApiException.conflict(
                "refund_impossible", "Provider cannot refund", "provider " + provider + " has no refund API here"));
        try {
            return payments.refund(row.transactionId(), "rf_" + row.id(), row.amount());
        } catch (ProviderUnavailable e) {
            throw ApiException.unavailable("the provider did not answer the refund; try again", 5);
        }
    }

    private static Verdict verdict(StoredRow row) {
        return new Verdict(MatchKind.valueOf(row.kind()), row.line(), row.transactionId(), row.attemptId(),
                row.refundId(), row.orderId(), row.amount(), row.currency(), row.detail());
    }
}
