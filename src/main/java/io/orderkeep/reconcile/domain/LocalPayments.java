package io.orderkeep.reconcile.domain;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Orderkeep's payments as reconciliation looks them up. A database implementation answers from indexes; the
 * in-memory one ({@link #of(List)}) serves tests and small files.
 */
public interface LocalPayments {

    Optional<LocalPayment> byProviderRef(String providerRef);

    Optional<LocalPayment> byAttemptId(String attemptId);

    /** Every attempt of the order, in any order. */
    List<LocalPayment> attemptsOf(String orderId);

    /**
     * At least every payment that collected money, or has a refund that succeeded, within the window (more is
     * harmless: the final pass checks the times itself).
     */
    Stream<LocalPayment> settledWithin(SettlementWindow window);

    /** The payment a row names, by provider reference, falling back to the out trade number; and its siblings. */
    default LocalMatch find(SettlementRow row) {
        Optional<LocalPayment> found = Optional.ofNullable(row.providerRef()).flatMap(this::byProviderRef);
        if (found.isEmpty() && row.outTradeNo() != null) {
            found = byAttemptId(row.outTradeNo());
        }
        if (found.isEmpty()) {
            return LocalMatch.none();
        }
        LocalPayment payment = found.get();
        List<LocalPayment> others = attemptsOf(payment.orderId()).stream()
                .filter(p -> !p.attemptId().equals(payment.attemptId()))
                .toList();
        return new LocalMatch(payment, others);
    }

    /**
     * {@link #find} for each row, in the rows' order. A database implementation answers a whole batch with a few
     * queries; the matches do not depend on one another, so a batch can be looked up before any row is classified.
     */
    default List<LocalMatch> findAll(List<SettlementRow> rows) {
        return rows.stream().map(this::find).toList();
    }

    static LocalPayments of(List<LocalPayment> payments) {
        return new InMemoryLocalPayments(payments);
    }
}
