package io.orderkeep.reconcile.domain;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One run over one settlement file: each row classified as it is read ({@link #classify}), then one final pass
 * for what Orderkeep holds as settled within the window and the file never named ({@link #finish}). Rows are
 * never kept: memory is what {@link RunMemory} holds.
 */
public final class Reconciliation {

    private final LocalPayments local;
    private final SettlementWindow window;
    private final RunMemory memory;
    private final long[] counts = new long[MatchKind.values().length];
    private long accepted;
    private long rejected;

    public Reconciliation(LocalPayments local, SettlementWindow window, RunMemory memory) {
        this.local = local;
        this.window = window;
        this.memory = memory;
    }

    /** Reads every row, classifies it, passes each verdict (the final pass's too) to {@code sink}. */
    public static Tally run(Stream<ReadOutcome> rows, LocalPayments local, SettlementWindow window,
            Consumer<Verdict> sink) {
        return run(rows, local, window, RunMemory.inMemory(), sink);
    }

    /** As {@link #run(Stream, LocalPayments, SettlementWindow, Consumer)}, remembering rows in {@code memory}. */
    public static Tally run(Stream<ReadOutcome> rows, LocalPayments local, SettlementWindow window, RunMemory memory,
            Consumer<Verdict> sink) {
        Reconciliation run = new Reconciliation(local, window, memory);
        try (rows) {
            rows.forEach(row -> sink.accept(run.classify(row)));
        }
        run.finish(sink);
        return run.tally();
    }

    public Verdict classify(ReadOutcome outcome) {
        return classify(outcome, outcome instanceof SettlementRow row ? local.find(row) : LocalMatch.none());
    }

    /**
     * As {@link #classify(ReadOutcome)}, with the row's match already looked up ({@link LocalPayments#findAll}
     * for a batch). Rows must still come in file order: duplicates are found by what came before.
     */
    public Verdict classify(ReadOutcome outcome, LocalMatch match) {
        Verdict verdict = switch (outcome) {
            case RejectedRow rejectedRow -> {
                rejected++;
                yield Verdict.invalid(rejectedRow);
            }
            case SettlementRow row -> {
                accepted++;
                remember(row, match.payment());
                yield RowClassifier.classify(row, match, memory.firstListing(row.key(), row.line()));
            }
        };
        counts[verdict.kind().ordinal()]++;
        return verdict;
    }

    /** The final pass: {@code MISSING_AT_PROVIDER} for every payment and refund settled in the window, unlisted. */
    public void finish(Consumer<Verdict> sink) {
        try (Stream<LocalPayment> settled = local.settledWithin(window)) {
            settled.forEach(payment -> {
                if (payment.status().collected() && window.contains(payment.succeededAt())
                        && !memory.wasListed(paymentId(payment))) {
                    emit(sink, payment, null, payment.amount(), "Orderkeep holds attempt " + payment.attemptId()
                            + " as " + payment.status() + " since " + payment.succeededAt());
                }
                for (LocalRefund refund : payment.refunds()) {
                    if (refund.status() == LocalStatus.SUCCEEDED && window.contains(refund.succeededAt())
                            && !memory.wasListed(refundId(refund))) {
                        emit(sink, payment, refund, refund.amount(), "Orderkeep holds refund " + refund.refundId()
                                + " of attempt " + payment.attemptId() + " as SUCCEEDED since "
                                + refund.succeededAt());
                    }
                }
            });
        }
    }

    public Tally tally() {
        Map<MatchKind, Long> byKind = new EnumMap<>(MatchKind.class);
        for (MatchKind kind : MatchKind.values()) {
            byKind.put(kind, counts[kind.ordinal()]);
        }
        return new Tally(accepted, rejected, byKind);
    }

    private void remember(SettlementRow row, LocalPayment payment) {
        if (payment == null) {
            return;
        }
        if (row.type() == RowType.PAYMENT) {
            memory.listed(paymentId(payment));
            return;
        }
        for (LocalRefund refund : payment.refunds()) {
            if (refund.isListedAs(row)) {
                memory.listed(refundId(refund));
            }
        }
    }

    private void emit(Consumer<Verdict> sink, LocalPayment payment, LocalRefund refund, long amount, String detail) {
        counts[MatchKind.MISSING_AT_PROVIDER.ordinal()]++;
        sink.accept(new Verdict(MatchKind.MISSING_AT_PROVIDER, 0, payment.providerRef(), payment.attemptId(),
                refund == null ? null : refund.refundId(), payment.orderId(), amount, payment.currency(),
                detail + " (" + window.day() + " in " + window.zone() + "); the file does not list it"));
    }

    private static String paymentId(LocalPayment payment) {
        return "payment:" + payment.attemptId();
    }

    private static String refundId(LocalRefund refund) {
        return "refund:" + refund.refundId();
    }
}
