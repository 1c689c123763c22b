package io.orderkeep.reconcile.domain;

import static io.orderkeep.reconcile.domain.MatchKind.AMOUNT_MISMATCH;
import static io.orderkeep.reconcile.domain.MatchKind.DUPLICATE_PAYMENT;
import static io.orderkeep.reconcile.domain.MatchKind.MATCHED;
import static io.orderkeep.reconcile.domain.MatchKind.MISSING_LOCAL;
import static io.orderkeep.reconcile.domain.MatchKind.STATUS_MISMATCH;

import java.util.Locale;

/**
 * The matching rule for one accepted row, as a pure function of the row, what Orderkeep holds for it, and
 * whether the file listed the same transaction earlier. It needs nothing else, so a run can stream rows past a
 * database in batches; payments absent from the file are found by a final pass ({@link Reconciliation}).
 *
 * <p>The checks run in order of what an operator must not miss: the same transaction twice; money without a local
 * record; a different amount or currency (never repaired automatically); a second payment of an already paid
 * order; money Orderkeep still holds as unpaid (the customer paid, the order never came back); a status on which
 * the two sides disagree.
 */
public final class RowClassifier {

    private RowClassifier() {}

    /** @param earlierLine the line on which the file already listed this row's {@link SettlementRow#key()}, or 0 */
    public static Verdict classify(SettlementRow row, LocalMatch local, long earlierLine) {
        LocalPayment payment = local.payment();
        if (earlierLine > 0) {
            return verdict(DUPLICATE_PAYMENT, row, payment, null,
                    "the same " + row.type().name().toLowerCase(Locale.ROOT) + " " + row.transactionId()
                            + " is already on line " + earlierLine);
        }
        if (payment == null) {
            return verdict(MISSING_LOCAL, row, null, null, "Orderkeep has no payment with provider reference "
                    + row.providerRef() + " or out trade number " + row.outTradeNo() + statusNote(row));
        }
        if (!payment.currency().equals(row.currency())) {
            return verdict(AMOUNT_MISMATCH, row, payment, null,
                    "currency: file " + row.currency() + ", Orderkeep " + payment.currency());
        }
        return row.type() == RowType.PAYMENT ? payment(row, local) : refund(row, payment);
    }

    private static Verdict payment(SettlementRow row, LocalMatch local) {
        LocalPayment payment = local.payment();
        if (payment.amount() != row.amount()) {
            return verdict(AMOUNT_MISMATCH, row, payment, null,
                    "amount: file " + row.amount() + ", Orderkeep " + payment.amount());
        }
        if (!row.status().moved()) {
            return payment.status().collected()
                    ? verdict(STATUS_MISMATCH, row, payment, null, "the provider says " + row.status()
                            + ", Orderkeep holds the payment as " + payment.status())
                    : verdict(MATCHED, row, payment, null, "no money moved on either side");
        }
        LocalPayment first = firstCollected(local);
        if (first != null && first != payment) {
            return verdict(DUPLICATE_PAYMENT, row, payment, null, "order " + payment.orderId()
                    + " was already paid by attempt " + first.attemptId() + "; this attempt is "
                    + payment.status() + " in Orderkeep");
        }
        if (!payment.status().collected()) {
            return verdict(MISSING_LOCAL, row, payment, null, "the customer paid, the order never came back: "
                    + "Orderkeep holds attempt " + payment.attemptId() + " as " + payment.status());
        }
        if (row.status() == SettlementStatus.REFUNDED && payment.status() != LocalStatus.REFUNDED) {
            return verdict(STATUS_MISMATCH, row, payment, null,
                    "the provider says REFUNDED, Orderkeep holds the payment as " + payment.status());
        }
        return verdict(MATCHED, row, payment, null, null);
    }

    private static Verdict refund(SettlementRow row, LocalPayment payment) {
        LocalRefund refund = payment.refunds().stream().filter(r -> r.isListedAs(row)).findFirst().orElse(null);
        if (refund == null) {
            return verdict(MISSING_LOCAL, row, payment, null, "Orderkeep has no refund " + row.transactionId()
                    + (row.outRefundNo() == null ? "" : " / " + row.outRefundNo()) + " of attempt "
                    + payment.attemptId() + statusNote(row));
        }
        if (refund.amount() != row.amount()) {
            return verdict(AMOUNT_MISMATCH, row, payment, refund,
                    "refund amount: file " + row.amount() + ", Orderkeep " + refund.amount());
        }
        boolean refundedLocally = refund.status() == LocalStatus.SUCCEEDED;
        if (row.status().moved() != refundedLocally) {
            return verdict(STATUS_MISMATCH, row, payment, refund, "the provider says " + row.status()
                    + ", Orderkeep holds the refund as " + refund.status());
        }
        return verdict(MATCHED, row, payment, refund, null);
    }

    /** The order's attempt that collected money first, or null when none did. */
    private static LocalPayment firstCollected(LocalMatch local) {
        LocalPayment first = local.payment().status().collected() ? local.payment() : null;
        for (LocalPayment other : local.otherAttempts()) {
            if (other.status().collected() && (first == null || other.collectedBefore(first))) {
                first = other;
            }
        }
        return first;
    }

    private static String statusNote(SettlementRow row) {
        return row.status().moved() ? "" : " (the provider lists it as " + row.status() + ": no money moved)";
    }

    private static Verdict verdict(MatchKind kind, SettlementRow row, LocalPayment payment, LocalRefund refund,
            String detail) {
        return new Verdict(kind, row.line(), row.transactionId(), payment == null ? null : payment.attemptId(),
                refund == null ? row.outRefundNo() : refund.refundId(), payment == null ? null : payment.orderId(),
                row.amount(), row.currency(), detail);
    }
}
