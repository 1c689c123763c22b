package io.orderkeep.reconcile.internal;

import io.orderkeep.payment.PaymentRecord;
import io.orderkeep.payment.PaymentRecords;
import io.orderkeep.payment.domain.AttemptStatus;
import io.orderkeep.reconcile.domain.LocalMatch;
import io.orderkeep.reconcile.domain.LocalPayment;
import io.orderkeep.reconcile.domain.LocalPayments;
import io.orderkeep.reconcile.domain.LocalRefund;
import io.orderkeep.reconcile.domain.LocalStatus;
import io.orderkeep.reconcile.domain.SettlementRow;
import io.orderkeep.reconcile.domain.SettlementWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One provider's payments as reconciliation sees them, read through the payments module's API
 * ({@link PaymentRecords}). A batch of rows costs three look-ups (by provider reference, by out trade number for the
 * rest, every attempt of the orders found), each a query or two whatever the batch's size. Rows are matched, and the
 * window read back, among that provider's attempts only: the other attempts of an order found are every provider's.
 */
public final class RecordedPayments implements LocalPayments {

    private final PaymentRecords payments;
    private final String provider;

    /** @param provider the payment provider's name as the attempts store it ({@code payment_attempts.provider}) */
    public RecordedPayments(PaymentRecords payments, String provider) {
        this.payments = payments;
        this.provider = provider;
    }

    @Override
    public List<LocalMatch> findAll(List<SettlementRow> rows) {
        Map<String, PaymentRecord> byRef = payments.byProviderRefs(provider, rows.stream().map(SettlementRow::providerRef)
                .filter(Objects::nonNull).toList());
        Map<String, PaymentRecord> byId = payments.byAttemptIds(provider, rows.stream()
                .filter(r -> r.providerRef() == null || !byRef.containsKey(r.providerRef()))
                .map(SettlementRow::outTradeNo).filter(Objects::nonNull).toList());
        List<PaymentRecord> named = new ArrayList<>(rows.size());
        for (SettlementRow row : rows) {
            PaymentRecord found = row.providerRef() == null ? null : byRef.get(row.providerRef());
            named.add(found != null || row.outTradeNo() == null ? found : byId.get(row.outTradeNo()));
        }
        Map<String, List<PaymentRecord>> orders = payments.byOrders(named.stream().filter(Objects::nonNull)
                .map(PaymentRecord::orderId).toList());
        return named.stream().map(p -> p == null ? LocalMatch.none() : match(p, orders.get(p.orderId()))).toList();
    }

    @Override
    public Optional<LocalPayment> byProviderRef(String providerRef) {
        return Optional.ofNullable(payments.byProviderRefs(provider, List.of(providerRef)).get(providerRef))
                .map(RecordedPayments::local);
    }

    @Override
    public Optional<LocalPayment> byAttemptId(String attemptId) {
        return Optional.ofNullable(payments.byAttemptIds(provider, List.of(attemptId)).get(attemptId))
                .map(RecordedPayments::local);
    }

    @Override
    public List<LocalPayment> attemptsOf(String orderId) {
        return payments.byOrders(List.of(orderId)).getOrDefault(orderId, List.of()).stream()
                .map(RecordedPayments::local).toList();
    }

    @Override
    public Stream<LocalPayment> settledWithin(SettlementWindow window) {
        return payments.settledWithin(provider, window.from(), window.until()).map(RecordedPayments::local);
    }

    private static LocalMatch match(PaymentRecord payment, List<PaymentRecord> ofOrder) {
        List<LocalPayment> others = ofOrder == null ? List.of() : ofOrder.stream()
                .filter(p -> !p.attemptId().equals(payment.attemptId())).map(RecordedPayments::local).toList();
        return new LocalMatch(local(payment), others);
    }

    static LocalPayment local(PaymentRecord p) {
        return new LocalPayment(p.attemptId(), p.providerRef(), p.orderId(), p.amount(), p.currency(), status(p.status()),
                p.succeededAt(), p.refunds().stream().map(RecordedPayments::refund).toList());
    }

    private static LocalStatus status(AttemptStatus status) {
        return switch (status) {
            case PENDING -> LocalStatus.PENDING;
            case UNKNOWN -> LocalStatus.UNKNOWN;
            case SUCCEEDED -> LocalStatus.SUCCEEDED;
            case FAILED -> LocalStatus.FAILED;
            case CANCELLED -> LocalStatus.CANCELLED;
        };
    }

    /** A refund the provider refused is one that did not happen: as FAILED, so a row saying it did disagrees. */
    private static LocalRefund refund(PaymentRecord.RefundRecord r) {
        LocalStatus status = switch (r.status()) {
            case "SUCCEEDED" -> LocalStatus.SUCCEEDED;
            case "PENDING" -> LocalStatus.PENDING;
            default -> LocalStatus.FAILED;
        };
        return new LocalRefund(r.refundId(), r.providerRef(), r.amount(), status, r.succeededAt());
    }
}
