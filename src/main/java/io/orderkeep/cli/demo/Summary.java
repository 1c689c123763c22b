package io.orderkeep.cli.demo;

import io.orderkeep.cli.demo.Figures.HopFigures;
import io.orderkeep.cli.demo.Figures.Way;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The table printed at the end. Its lines are stable (the tests read them back): hop lines
 * {@code "  payment     118/120 ..."}, way lines {@code "    by query   27 ..."}, then one {@code "name: value"} line
 * per figure.
 */
final class Summary {

    /** The reconciliation runs' totals, as the reconcile API answered them. */
    record Reconciled(List<String> days, long rows, long matched, long discrepancies, long repaired, long needsReview) {}

    /** The audit chain's verification, as {@code GET /api/v1/audit/verify} answered it. */
    record Audit(boolean ok, long entries, Long firstBadSeq) {}

    /** What the customers were told to do (the plan), to compare with what Orderkeep recorded. */
    record Plan(long pay, long fail, long walkAway) {}

    /** Orders listed by id under "needs attention" and "unreturned"; the API lists them all. */
    static final int MAX_LISTED = 20;

    private Summary() {}

    /**
     * Prints the summary; answers whether the demo succeeded: Orderkeep holds every order the customers placed, every
     * one came back, the audit chain is intact and every webhook's signature verified.
     */
    static boolean print(PrintWriter out, Figures f, Reconciled reconciled, Audit audit, Plan plan,
            MerchantReceiver receiver, Map<String, String> attentionReasons) {
        out.println();
        out.println("Summary — every figure read back from Orderkeep's API (orders, history, deliveries, reconciliation, audit)");
        out.println();
        out.printf(Locale.ROOT, "  %-26s %9s %9s %9s%n", "hop / how it came back", "orders", "p50", "p99");
        for (HopFigures hop : f.hops()) {
            Way all = hop.all();
            out.printf(Locale.ROOT, "  %-26s %9s %9s %9s%n", hop.hop(), hop.returned() + "/" + hop.expected(),
                    time(all.percentile(0.5)), time(all.percentile(0.99)));
            for (Way way : hop.ways()) {
                String how = switch (way.how()) {
                    case "first delivery", "redelivery" -> way.how();
                    case "expiry" -> "expired unpaid";
                    default -> "by " + way.how();
                };
                out.printf(Locale.ROOT, "    %-24s %9d %9s %9s%n", how, way.orders(), time(way.percentile(0.5)),
                        time(way.percentile(0.99)));
            }
        }
        out.println("  (payment and settlement timed from the order's creation; merchant from each event to its 2xx;");
        out.println("   expired unpaid: nobody paid, the watch closed the payment at the end of its window)");
        out.println();
        line(out, "orders placed", f.placed());
        line(out, "orders paid", f.paid());
        line(out, "orders expired", f.expired());
        line(out, "latest payment failed", f.failed());
        out.printf(Locale.ROOT, "%-30s %s%n", "customers (the plan):",
                plan.pay() + " pay, " + plan.fail() + " fail, " + plan.walkAway() + " walk away");
        line(out, "found by query", f.foundByQuery());
        line(out, "redelivered", f.redelivered());
        line(out, "dead letters", f.deadLetters());
        out.printf(Locale.ROOT, "%-30s %s%n", "webhooks received:", receiver.received() + " (" + receiver.badSignatures()
                + " with a bad signature, " + receiver.failedOnPurpose() + " failed on purpose)");
        out.printf(Locale.ROOT, "%-30s %s%n", "reconciled days:", String.join(", ", reconciled.days()));
        line(out, "settlement rows", reconciled.rows());
        line(out, "rows matched", reconciled.matched());
        line(out, "discrepancies found", reconciled.discrepancies());
        line(out, "discrepancies repaired", reconciled.repaired());
        line(out, "discrepancies for review", reconciled.needsReview());
        line(out, "needs attention", f.needingAttention().size());
        f.needingAttention().stream().limit(MAX_LISTED).forEach(o -> out.printf(Locale.ROOT, "    %s  %s  %s%n", o.id(),
                o.status(), attentionReasons.getOrDefault(o.id(), "flagged for a person")));
        line(out, "unreturned at the end", f.notBack().size());
        f.notBack().stream().limit(MAX_LISTED).forEach(o -> out.printf(Locale.ROOT, "    %s  %s  %s%s%n", o.id(), o.status(),
                hopsOf(o), o.needsAttention() ? "  needs attention" : "  NOT FLAGGED"));
        out.printf(Locale.ROOT, "%-30s %s%n", "audit chain:", audit.ok() ? "intact (" + audit.entries() + " entries)"
                : "BROKEN at entry " + audit.firstBadSeq());
        boolean allPlaced = f.placed() == plan.pay() + plan.fail() + plan.walkAway();
        boolean success = allPlaced && f.notBack().isEmpty() && audit.ok() && receiver.badSignatures() == 0;
        out.println();
        if (success) {
            out.println("Every order came back and the audit chain verifies.");
        } else if (!allPlaced) {
            out.println("Orderkeep holds " + f.placed() + " orders; the customers placed "
                    + (plan.pay() + plan.fail() + plan.walkAway()) + ".");
        } else if (!audit.ok()) {
            out.println("The audit chain does not verify.");
        } else if (receiver.badSignatures() > 0) {
            out.println("The merchant received webhooks whose signature did not verify.");
        } else {
            out.println(f.notBack().size() + " order(s) did not come back by themselves; "
                    + f.notBack().stream().filter(OrderRecords.Order::needsAttention).count()
                    + " of them are flagged for a person (GET /api/v1/orders?needsAttention=true).");
        }
        out.flush();
        return success;
    }

    private static String hopsOf(OrderRecords.Order order) {
        var text = new StringBuilder();
        for (String hop : List.of("payment", "merchant", "settlement")) {
            var h = order.hop(hop);
            text.append(hop).append('=').append(h == null ? "-" : h.state()).append(' ');
        }
        return text.toString().strip();
    }

    private static void line(PrintWriter out, String name, long value) {
        out.printf(Locale.ROOT, "%-30s %d%n", name + ":", value);
    }

    static String time(Duration d) {
        if (d == null) {
            return "-";
        }
        if (d.toSeconds() < 60) {
            return String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
        }
        return String.format(Locale.ROOT, "%dm%02ds", d.toMinutes(), d.toSecondsPart());
    }
}
