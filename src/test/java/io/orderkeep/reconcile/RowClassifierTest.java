package io.orderkeep.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.orderkeep.reconcile.domain.LocalMatch;
import io.orderkeep.reconcile.domain.LocalPayment;
import io.orderkeep.reconcile.domain.LocalPayments;
import io.orderkeep.reconcile.domain.LocalRefund;
import io.orderkeep.reconcile.domain.LocalStatus;
import io.orderkeep.reconcile.domain.MatchKind;
import io.orderkeep.reconcile.domain.Reconciliation;
import io.orderkeep.reconcile.domain.RowClassifier;
import io.orderkeep.reconcile.domain.RowType;
import io.orderkeep.reconcile.domain.SettlementRow;
import io.orderkeep.reconcile.domain.SettlementStatus;
import io.orderkeep.reconcile.domain.SettlementWindow;
import io.orderkeep.reconcile.domain.Verdict;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RowClassifierTest {

    private static final Instant AT = Instant.parse("2026-11-21T02:00:00Z");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void missingLocalSaysTheCustomerPaidWhenTheLocalPaymentIsStillPending() {
        LocalPayment pending = payment("pay_1", null, LocalStatus.PENDING, null);

        Verdict verdict = RowClassifier.classify(row(RowType.PAYMENT, "tx_1", 2500), match(pending), 0);

        assertThat(verdict.kind()).isEqualTo(MatchKind.MISSING_LOCAL);
        assertThat(verdict.orderId()).isEqualTo("ord_1");
        assertThat(verdict.detail()).contains("the customer paid, the order never came back").contains("PENDING");
    }

    @Test
    void missingLocalSaysSoWhenOrderkeepHasNoPaymentAtAll() {
        Verdict verdict = RowClassifier.classify(row(RowType.PAYMENT, "tx_1", 2500), LocalMatch.none(), 0);

        assertThat(verdict.kind()).isEqualTo(MatchKind.MISSING_LOCAL);
        assertThat(verdict.orderId()).isNull();
        assertThat(verdict.detail()).contains("no payment with provider reference pr_1 or out trade number pay_1");
    }

    @Test
    void anAmountDifferenceWinsOverAnUnpaidLocalPaymentSoItIsNeverRepairedAutomatically() {
        LocalPayment pending = payment("pay_1", "pr_1", LocalStatus.UNKNOWN, null);

        Verdict verdict = RowClassifier.classify(row(RowType.PAYMENT, "tx_1", 2499), match(pending), 0);

        assertThat(verdict.kind()).isEqualTo(MatchKind.AMOUNT_MISMATCH);
        assertThat(verdict.detail()).isEqualTo("amount: file 2499, Orderkeep 2500");
    }

    @Test
    void theLaterOfTwoSuccessfulAttemptsOfOneOrderIsTheDuplicate() {
        LocalPayment first = payment("pay_1", "pr_1", LocalStatus.SUCCEEDED, AT);
        LocalPayment second = payment("pay_2", "pr_2", LocalStatus.SUCCEEDED, AT.plusSeconds(5));

        assertThat(RowClassifier.classify(row(RowType.PAYMENT, "tx_1", 2500),
                new LocalMatch(first, List.of(second)), 0).kind()).isEqualTo(MatchKind.MATCHED);
        Verdict duplicate = RowClassifier.classify(row(RowType.PAYMENT, "tx_2", 2500),
                new LocalMatch(second, List.of(first)), 0);
        assertThat(duplicate.kind()).isEqualTo(MatchKind.DUPLICATE_PAYMENT);
        assertThat(duplicate.detail()).contains("already paid by attempt pay_1");
    }

    @Test
    void aRefundRowMatchesTheLocalRefundByOurRefundNumberWhenTheProviderHasNoRefundReference() {
        LocalPayment paid = new LocalPayment("pay_1", "pr_1", "ord_1", 2500, "CNY", LocalStatus.SUCCEEDED, AT,
                List.of(new LocalRefund("ref_1", null, 500, LocalStatus.SUCCEEDED, AT)));
        SettlementRow refund = new SettlementRow(3, "pr_1", "pr_1", "pay_1", "ref_1", RowType.REFUND,
                SettlementStatus.SUCCEEDED, 500, "CNY", 0, AT);

        Verdict verdict = RowClassifier.classify(refund, match(paid), 0);

        assertThat(verdict.kind()).isEqualTo(MatchKind.MATCHED);
        assertThat(verdict.refundId()).isEqualTo("ref_1");
    }

    @Test
    void theFilesDayEndsAtMidnightInTheProvidersZoneNotInUtc() {
        SettlementWindow day = SettlementWindow.day(LocalDate.parse("2026-11-21"), SHANGHAI);
        // 00:30 on the 21st in Shanghai (still the 20th in UTC), and 00:30 on the 22nd (still the 21st in UTC).
        LocalPayment early = payment("pay_1", "pr_1", LocalStatus.SUCCEEDED, Instant.parse("2026-11-20T16:30:00Z"));
        LocalPayment late = payment("pay_2", "pr_2", LocalStatus.SUCCEEDED, Instant.parse("2026-11-21T16:30:00Z"));
        List<Verdict> verdicts = new ArrayList<>();

        Reconciliation.run(Stream.of(), LocalPayments.of(List.of(early, late)), day, verdicts::add);

        assertThat(verdicts).extracting(Verdict::kind, Verdict::attemptId)
                .containsExactly(tuple(MatchKind.MISSING_AT_PROVIDER, "pay_1"));
        assertThat(verdicts.getFirst().detail()).contains("2026-11-21 in Asia/Shanghai");
    }

    private static SettlementRow row(RowType type, String txId, long amount) {
        return new SettlementRow(2, txId, "pr_1", "pay_1", null, type, SettlementStatus.SUCCEEDED, amount, "CNY", 0,
                AT);
    }

    private static LocalPayment payment(String attempt, String ref, LocalStatus status, Instant succeededAt) {
        return new LocalPayment(attempt, ref, "ord_1", 2500, "CNY", status, succeededAt, List.of());
    }

    private static LocalMatch match(LocalPayment payment) {
        return new LocalMatch(payment, List.of());
    }
}
