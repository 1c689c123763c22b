package io.orderkeep.reconcile.internal;

import io.orderkeep.order.Change;
import io.orderkeep.order.HopLedger;
import io.orderkeep.order.OrderLifecycle;
import io.orderkeep.order.OrderSnapshot;
import io.orderkeep.order.domain.HopName;
import io.orderkeep.order.domain.OrderStatus;
import io.orderkeep.payment.PaymentRecords;
import io.orderkeep.reconcile.domain.MatchKind;
import io.orderkeep.reconcile.domain.RowType;
import io.orderkeep.reconcile.domain.Verdict;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What the policy makes of one verdict, and (unless a dry run) doing it: a repair marks the payment attempt
 * SUCCEEDED through the payments module, which marks the order paid through its state machine (history, audit
 * entry and event like any paid order); a paid order
 * for an expired or cancelled order is flagged with a suggested refund, a matched payment returns the settlement
 * hop. Runs inside the transaction that stores the row, so a row and its effect commit together.
 */
@Component
public class Repairs {

    /** The resolution stored with the row, and what a person is advised to do (null if nothing). */
    public record Decision(String resolution, String suggestion) {}

    private final RepairPolicy policy;
    private final OrderLifecycle orders;
    private final HopLedger hops;
    private final PaymentRecords payments;
    private final Clock clock;

    Repairs(RepairPolicy policy, OrderLifecycle orders, HopLedger hops, PaymentRecords payments, Clock clock) {
        this.policy = policy;
        this.orders = orders;
        this.payments = payments;
        this.hops = hops;
        this.clock = clock;
    }

    /**
     * Returns the settlement hop of every order whose payment a MATCHED payment row names, in one batch. Called
     * before the batch's repairs: the hops' foreign key takes a share lock on each order row, and no order row may
     * be locked after the audit head that a repair takes.
     */
    public void settled(List<Verdict> verdicts, List<RowType> types) {
        List<String> orderIds = new ArrayList<>();
        for (int i = 0; i < verdicts.size(); i++) {
            Verdict v = verdicts.get(i);
            if (v.kind() == MatchKind.MATCHED && v.orderId() != null && types.get(i) == RowType.PAYMENT) {
                orderIds.add(v.orderId());
            }
        }
        hops.returned(orderIds, HopName.SETTLEMENT, clock.instant());
    }

    /** @param type the row's type, null for the final pass's verdicts (they name no row) */
    public Decision apply(String runId, Verdict verdict, RowType type, boolean dryRun) {
        if (verdict.kind() == MatchKind.MATCHED) {
            return new Decision("NONE", null); // the settlement hop: settled(), for a whole batch
        }
        RepairPolicy.Mode mode = policy.modeOf(verdict.kind());
        if (mode == RepairPolicy.Mode.IGNORE) {
            return new Decision("IGNORED", null);
        }
        // Only a payment missing locally is repaired: the other kinds need no order read (a tenth of a large file).
        boolean repairable = verdict.kind() == MatchKind.MISSING_LOCAL && type == RowType.PAYMENT;
        Optional<OrderSnapshot> order = repairable
                ? Optional.ofNullable(verdict.orderId()).flatMap(orders::find)
                : Optional.empty();
        if (!repairable || order.isEmpty()) {
            String suggestion = verdict.kind() == MatchKind.MISSING_LOCAL
                    ? "refund " + verdict.amount() + " " + verdict.currency() + " at the provider (no order holds it)"
                    : null;
            return new Decision("NEEDS_REVIEW", suggestion);
        }
        OrderSnapshot snapshot = order.get();
        if (snapshot.status() == OrderStatus.CANCELLED || snapshot.status() == OrderStatus.EXPIRED) {
            String suggestion = "refund " + verdict.amount() + " " + verdict.currency() + ": order "
                    + snapshot.id() + " is " + snapshot.status() + " but the provider settled its payment";
            if (!dryRun) {
                orders.flagNeedsAttention(snapshot.id(), change(runId, verdict, suggestion,
                        Map.of("suggestedRefund", verdict.amount())));
            }
            return new Decision("NEEDS_REVIEW", suggestion);
        }
        if (mode != RepairPolicy.Mode.AUTO || snapshot.status() != OrderStatus.PENDING_PAYMENT) {
            return new Decision("NEEDS_REVIEW", snapshot.status() == OrderStatus.PENDING_PAYMENT
                    ? "mark order " + snapshot.id() + " paid" : null);
        }
        if (dryRun) {
            return new Decision("AUTO_REPAIRED", "would mark order " + snapshot.id() + " paid");
        }
        return markPaid(runId, verdict, snapshot.id());
    }

    /**
     * Marks the attempt SUCCEEDED through the payments module, on the path a provider's notification takes: the
     * attempt's audit entry, then the order marked paid through its state machine (history, audit entry and event of
     * any paid order), then {@code order.repaired} (history, audit, event: the merchant's webhook and the customer's
     * e-mail say the order was put right). An order that would not take the money is left for a person.
     */
    public Decision markPaid(String runId, Verdict verdict, String orderId) {
        if (verdict.attemptId() == null) {
            return new Decision("NEEDS_REVIEW", "no payment attempt of order " + orderId + " to mark succeeded");
        }
        // The verdict carries the file's transaction id, not the provider reference: the attempt keeps its own.
        Change repaired = change(runId, verdict, "repaired by reconciliation: the provider settled attempt "
                + verdict.attemptId(), Map.of());
        payments.markSettled(verdict.attemptId(), null, verdict.amount(), verdict.currency(), repaired);
        OrderStatus status = orders.find(orderId).map(OrderSnapshot::status).orElse(null);
        if (status != OrderStatus.PAID) {
            return new Decision("NEEDS_REVIEW", "mark paid was refused: order " + orderId + " is " + status);
        }
        orders.recordRepaired(orderId, repaired);
        // The provider's result is known now, even if no notification or query ever brought it.
        hops.returned(orderId, HopName.PAYMENT, clock.instant());
        hops.returned(orderId, HopName.SETTLEMENT, clock.instant());
        return new Decision("AUTO_REPAIRED", "order " + orderId + " marked paid");
    }

    private static Change change(String runId, Verdict verdict, String reason, Map<String, Object> extra) {
        var detail = new LinkedHashMap<String, Object>(extra);
        detail.put("repairedBy", "reconciliation");
        detail.put("reconciliation", runId);
        detail.put("line", verdict.line());
        detail.put("kind", verdict.kind().name());
        if (verdict.transactionId() != null) {
            detail.put("transactionId", verdict.transactionId());
        }
        if (verdict.attemptId() != null) {
            detail.put("attemptId", verdict.attemptId());
        }
        detail.put("amount", verdict.amount());
        return new Change("system", "reconciliation", reason, detail);
    }
}
