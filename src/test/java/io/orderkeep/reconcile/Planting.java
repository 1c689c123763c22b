package io.orderkeep.reconcile;

import io.orderkeep.reconcile.domain.LocalPayment;
import io.orderkeep.reconcile.domain.LocalRefund;
import io.orderkeep.reconcile.domain.LocalStatus;
import io.orderkeep.reconcile.domain.MatchKind;
import io.orderkeep.reconcile.domain.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Plants one situation at a time into a settlement file and Orderkeep's payments, and writes down the verdicts
 * it must produce. The file covers 2026-11-21 in Asia/Shanghai: 2026-11-20T16:00Z to 2026-11-21T16:00Z.
 */
final class Planting {

    enum Plant { MATCHED, MATCHED_BY_OUT_TRADE_NO, MATCHED_WITH_REFUND, MISSING_LOCAL_UNKNOWN, MISSING_LOCAL_UNPAID,
        MISSING_AT_PROVIDER, OUTSIDE_WINDOW, AMOUNT_MISMATCH, CURRENCY_MISMATCH, STATUS_MISMATCH,
        SAME_TRANSACTION_TWICE, SECOND_PAYMENT_OF_ORDER, SECOND_PAYMENT_UNKNOWN_LOCALLY, REFUND_MISSING_LOCAL,
        REFUND_AMOUNT_MISMATCH, REFUND_MISSING_AT_PROVIDER, REFUND_NOT_SETTLED_LOCALLY, REFUND_OF_UNKNOWN_PAYMENT,
        REFUND_OF_EARLIER_PAYMENT, REFUND_OF_EARLIER_PAYMENT_MISSING_AT_PROVIDER, INVALID_ROW }

    static final Instant WINDOW_START = Instant.parse("2026-11-20T16:00:00Z");

    final List<LocalPayment> local = new ArrayList<>();
    final List<String> rows = new ArrayList<>();
    final List<String> expected = new ArrayList<>();
    private final Random random;
    private final String prefix;
    private int next;

    Planting(Random random) {
        this(random, "");
    }

    /** @param prefix starts every id, so plantings stored in one database stay apart */
    Planting(Random random, String prefix) {
        this.random = random;
        this.prefix = prefix;
    }

    void plant(Plant plant) {
        String n = prefix + next++;
        String tx = "tx_" + n, ref = "pr_" + n, attempt = "pay_" + n, order = "ord_" + n;
        long amount = 1 + random.nextInt(100_000);
        Instant at = inWindow();
        switch (plant) {
            case MATCHED -> {
                local.add(paid(attempt, ref, order, amount, at));
                row(tx, ref, attempt, "PAYMENT", "SUCCESS", amount, "CNY", at, MatchKind.MATCHED);
            }
            case MATCHED_BY_OUT_TRADE_NO -> {
                local.add(paid(attempt, null, order, amount, at));
                row(tx, ref, attempt, "PAYMENT", "SUCCESS", amount, "CNY", at, MatchKind.MATCHED);
            }
            case MATCHED_WITH_REFUND -> {
                long refunded = 1 + random.nextInt((int) amount);
                local.add(paid(attempt, ref, order, amount, at,
                        new LocalRefund("ref_" + n, "rf_" + n, refunded, LocalStatus.SUCCEEDED, at.plusSeconds(60))));
                row(tx, ref, attempt, "PAYMENT", "SUCCESS", amount, "CNY", at, MatchKind.MATCHED);
                row("rf_" + n, ref, attempt, "REFUND", "SUCCESS", refunded, "CNY", at, MatchKind.MATCHED);
            }
            case MISSING_LOCAL_UNKNOWN -> row(tx, ref, attempt, "PAYMENT", "SUCCESS", amount, "CNY", at,
                    MatchKind.MISSING_LOCAL);
            case MISSING_LOCAL_UNPAID -> {
                LocalStatus status = random.nextBoolean() ? LocalStatus.PENDING : LocalStatus.UNKNOWN;
                local.add(new LocalPayment(attempt, null, order, amount, "CNY", status, null, List.of()));
                row(tx, ref, attempt, "PAYMENT", "SUCCESS", amount, "CNY", at, MatchKind.MISSING_LOCAL);
            }
            case MISSING_AT_PROVIDER -> {
                local.add(paid(attempt, ref, order, amount, at));
                expected.add(MatchKind.MISSING_AT_PROVIDER + " " + attempt + "/null");
            }
            // 00:30 on the next day in Shanghai, still the 21st in UTC: not this file's business.
            case OUTSIDE_WINDOW -> local.add(paid(attempt, ref, order, amount, Instant.parse("2026-11-21T16:30:00Z")));
            case AMOUNT_MISMATCH -> {
                local.add(paid(attempt, ref, order, amount, at));
                row(tx, ref, attempt, "PAYMENT", "SUCCESS", amount + 1, "CNY", at, MatchKind.AMOUNT_MISMATCH);
            }
            case CURRENCY_MISMATCH -> {
                local.add(paid(attempt, ref, order, amount, at));
                row(tx, ref, attempt, "PAYMENT", "SUCCESS", amount, "USD", at, MatchKind.AMOUNT_MISMATCH);
            }
            case STATUS_MISMATCH -> {
                local.add(paid(attempt, ref, order, amount, at));
                row(tx, ref, attempt, "PAYMENT", random.nextBoolean() ? "FAILED" : "CLOSED", amount, "CNY", at,
                        MatchKind.STATUS_MISMATCH);
            }
            case SAME_TRANSACTION_TWICE -> {
                local.add(paid(attempt, ref, order, amount, at));
                row(tx, ref, attempt, "PAYMENT", "SUCCESS", amount, "CNY", at, MatchKind.MATCHED);
                row(tx, ref, attempt, "PAYMENT", "SUCCESS", amount, "CNY", at, MatchKind.DUPLICATE_PAYMENT);
            }
            case SECOND_PAYMENT_OF_ORDER, SECOND_PAYMENT_UNKNOWN_LOCALLY -> {
                Instant later = at.plusSeconds(1 + random.nextInt(600));
                local.add(paid(attempt, ref, order, amount, at));
                local.add(plant == Plant.SECOND_PAYMENT_OF_ORDER
                        ? paid(attempt + "b", ref + "b", order, amount, later)
                        : new LocalPayment(attempt + "b", null, order, amount, "CNY", LocalStatus.UNKNOWN, null,
                                List.of()));
                row(tx, ref, attempt, "PAYMENT", "SUCCESS", amount, "CNY", at, MatchKind.MATCHED);
                row(tx + "b", ref + "b", attempt + "b", "PAYMENT", "SUCCESS", amount, "CNY", later,
                        MatchKind.DUPLICATE_PAYMENT);
            }
            case REFUND_MISSING_LOCAL -> {
                local.add(paid(attempt, ref, order, amount, at));
                row(tx, ref, attempt, "PAYMENT", "SUCCESS", amount, "CNY", at, MatchKind.MATCHED);
                row("rf_" + n, ref, attempt, "REFUND", "SUCCESS", amount, "CNY", at, MatchKind.MISSING_LOCAL);
            }
            case REFUND_AMOUNT_MISMATCH -> {
                local.add(paid(attempt, ref, order, amount, at,
                        new LocalRefund("ref_" + n, "rf_" + n, amount, LocalStatus.SUCCEEDED, at)));
                row(tx, ref, attempt, "PAYMENT", "SUCCESS", amount, "CNY", at, MatchKind.MATCHED);
                row("rf_" + n, ref, attempt, "REFUND", "SUCCESS", amount + 1, "CNY", at, MatchKind.AMOUNT_MISMATCH);
            }
            case REFUND_MISSING_AT_PROVIDER -> {
                local.add(paid(attempt, ref, order, amount, at,
                        new LocalRefund("ref_" + n, "rf_" + n, amount, LocalStatus.SUCCEEDED, at)));
                row(tx, ref, attempt, "PAYMENT", "SUCCESS", amount, "CNY", at, MatchKind.MATCHED);
                expected.add(MatchKind.MISSING_AT_PROVIDER + " " + attempt + "/ref_" + n);
            }
            // Orderkeep still waits for the provider's answer (PENDING), or heard a refusal: the file says it happened.
            case REFUND_NOT_SETTLED_LOCALLY -> {
                LocalStatus status = random.nextBoolean() ? LocalStatus.PENDING : LocalStatus.FAILED;
                local.add(paid(attempt, ref, order, amount, at,
                        new LocalRefund("ref_" + n, random.nextBoolean() ? "rf_" + n : null, amount, status, null)));
                row(tx, ref, attempt, "PAYMENT", "SUCCESS", amount, "CNY", at, MatchKind.MATCHED);
                row("ref_" + n, ref, attempt, "REFUND", "SUCCESS", amount, "CNY", at, MatchKind.STATUS_MISMATCH);
            }
            case REFUND_OF_UNKNOWN_PAYMENT -> row("rf_" + n, ref, attempt, "REFUND", "SUCCESS", amount, "CNY", at,
                    MatchKind.MISSING_LOCAL);
            // The payment settled on an earlier day (an earlier file); only its refund is this file's business.
            case REFUND_OF_EARLIER_PAYMENT, REFUND_OF_EARLIER_PAYMENT_MISSING_AT_PROVIDER -> {
                Instant dayBefore = at.minus(Duration.ofDays(1));
                local.add(paid(attempt, ref, order, amount, dayBefore,
                        new LocalRefund("ref_" + n, "rf_" + n, amount, LocalStatus.SUCCEEDED, at)));
                if (plant == Plant.REFUND_OF_EARLIER_PAYMENT) {
                    row("rf_" + n, ref, attempt, "REFUND", "SUCCESS", amount, "CNY", at, MatchKind.MATCHED);
                } else {
                    expected.add(MatchKind.MISSING_AT_PROVIDER + " " + attempt + "/ref_" + n);
                }
            }
            case INVALID_ROW -> {
                rows.add(SandboxCsv.row(tx, ref, attempt, "PAYMENT", "SUCCESS", amount + ".5", "CNY", at));
                expected.add(MatchKind.INVALID_ROW + " -");
            }
        }
    }

    /** The same shape as {@link #expected}: what identifies a verdict once the file's rows are shuffled. */
    static String key(Verdict v) {
        return switch (v.kind()) {
            case MISSING_AT_PROVIDER -> v.kind() + " " + v.attemptId() + "/" + v.refundId();
            case INVALID_ROW -> v.kind() + " -";
            default -> v.kind() + " " + v.transactionId();
        };
    }

    private void row(String tx, String ref, String attempt, String type, String status, long amount,
            String currency, Instant at, MatchKind kind) {
        rows.add(SandboxCsv.row(tx, ref, attempt, type, status, Long.toString(amount), currency, at));
        expected.add(kind + " " + tx);
    }

    private Instant inWindow() {
        return WINDOW_START.plus(Duration.ofSeconds(random.nextInt(86_400 - 3_600)));
    }

    private static LocalPayment paid(String attempt, String ref, String order, long amount, Instant at,
            LocalRefund... refunds) {
        return new LocalPayment(attempt, ref, order, amount, "CNY", LocalStatus.SUCCEEDED, at, List.of(refunds));
    }
}
