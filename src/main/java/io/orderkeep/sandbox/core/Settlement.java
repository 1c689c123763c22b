package io.orderkeep.sandbox.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The daily settlement file: one PAYMENT row per payment that succeeded that day and one REFUND row per refund made
 * that day, the day running from midnight to midnight in the sandbox's time zone. Rows are ordered by time.
 */
public final class Settlement {

    public static final String HEADER =
            "transaction_id,provider_ref,out_trade_no,type,status,amount,currency,fee,occurred_at";
    /** The fee on a payment, 0.6 %, rounded half-up to a whole minor unit. Refunds carry no fee. */
    static final BigDecimal FEE_RATE = new BigDecimal("0.006");

    private record Row(String transactionId, Payment payment, String type, long amount, long fee, Instant at) {}

    private final SandboxDatabase database;
    private final ZoneId zone;

    public Settlement(SandboxDatabase database, ZoneId zone) {
        this.database = database;
        this.zone = zone;
    }

    public String csv(LocalDate day) {
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        List<Row> rows = database.inTransaction(c -> {
            var out = new ArrayList<Row>();
            for (Payment p : Payments.paidBetween(c, from, to)) {
                out.add(new Row(p.transactionId(), p, "PAYMENT", p.amount(), fee(p.amount()), p.paidAt()));
            }
            Map<String, Payment> payments = new HashMap<>();
            for (Refund r : Payments.refundsBetween(c, from, to)) {
                Payment p = payments.get(r.providerRef());
                if (p == null) {
                    p = Payments.byRef(c, r.providerRef()).orElseThrow(() -> new IllegalStateException(
                            "refund " + r.refundId() + " without its payment: indicates a bug"));
                    payments.put(r.providerRef(), p);
                }
                out.add(new Row(r.refundId(), p, "REFUND", r.amount(), 0, r.createdAt()));
            }
            return out;
        });
        var csv = new StringBuilder(HEADER).append('\n');
        rows.stream().sorted(Comparator.comparing(Row::at).thenComparing(Row::transactionId)).forEach(row ->
                csv.append(String.join(",", field(row.transactionId()), field(row.payment().providerRef()),
                        field(row.payment().outTradeNo()), row.type(), "SUCCESS", Long.toString(row.amount()),
                        row.payment().currency(), Long.toString(row.fee()), row.at().toString())).append('\n'));
        return csv.toString();
    }

    static long fee(long amount) {
        return new BigDecimal(amount).multiply(FEE_RATE).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** Ids are validated to need no quoting; quoting anyway keeps a file parseable whatever a caller managed to send. */
    private static String field(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
