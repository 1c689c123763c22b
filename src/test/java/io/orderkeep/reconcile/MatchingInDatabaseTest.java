package io.orderkeep.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.payment.PaymentRecords;
import io.orderkeep.reconcile.Planting.Plant;
import io.orderkeep.reconcile.domain.CsvMapping;
import io.orderkeep.reconcile.domain.LocalMatch;
import io.orderkeep.reconcile.domain.LocalPayment;
import io.orderkeep.reconcile.domain.LocalPayments;
import io.orderkeep.reconcile.domain.LocalRefund;
import io.orderkeep.reconcile.domain.ReadOutcome;
import io.orderkeep.reconcile.domain.Reconciliation;
import io.orderkeep.reconcile.domain.RunMemory;
import io.orderkeep.reconcile.domain.SettlementReader;
import io.orderkeep.reconcile.domain.SettlementRow;
import io.orderkeep.reconcile.domain.SettlementWindow;
import io.orderkeep.reconcile.domain.Verdict;
import io.orderkeep.reconcile.internal.RecordedPayments;
import io.orderkeep.support.DatabaseTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The random plantings of {@link MatchingProperties}, stored as real payment attempts and refunds and read back
 * through the payments module's API ({@code PaymentRecords}): the same verdicts as in memory, one row at a time and
 * in batches of random sizes, refunds and the final pass's window query included. Each seed's payments belong to a
 * provider of their own, beside another provider's payments settled in the same window, some under the very
 * provider references the file lists: a run sees its own provider's payments only.
 */
@DatabaseTest
class MatchingInDatabaseTest {

    private static final SettlementWindow WINDOW =
            SettlementWindow.day(LocalDate.parse("2026-11-21"), ZoneId.of("Asia/Shanghai"));

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PaymentRecords records;

    @Test
    void storedPlantingsGiveExactlyThePlantedDiscrepancies() {
        for (long seed = 1; seed <= 6; seed++) {
            Random random = new Random(seed);
            String prefix = "m" + UUID.randomUUID().toString().substring(0, 6) + "_";
            Planting planting = new Planting(random, prefix);
            List<Plant> plants = new ArrayList<>(List.of(Plant.values()));
            for (int i = 0; i < 40; i++) {
                plants.add(Plant.values()[random.nextInt(Plant.values().length)]);
            }
            plants.forEach(planting::plant);
            String provider = "p" + UUID.randomUUID().toString().substring(0, 8);
            store(provider, planting.local);
            storeAnotherProvidersPayments(random, planting);
            LocalPayments stored = new RecordedPayments(records, provider);

            List<String> lines = new ArrayList<>(planting.rows);
            Collections.shuffle(lines, random);
            byte[] file = (SandboxCsv.HEADER + "\n" + String.join("\n", lines)).getBytes(StandardCharsets.UTF_8);
            List<Verdict> verdicts = new ArrayList<>();
            if (seed % 2 == 0) {
                Reconciliation.run(read(file), stored, WINDOW, RunMemory.inMemory(), verdicts::add);
            } else {
                inBatches(stored, read(file).toList(), random, verdicts::add);
            }

            assertThat(verdicts.stream().map(Planting::key).toList()).as("seed " + seed)
                    .containsExactlyInAnyOrderElementsOf(planting.expected);
        }
    }

    /** As a run does it: a batch's payments looked up with one call, then its rows classified in file order. */
    private void inBatches(LocalPayments stored, List<ReadOutcome> rows, Random random, Consumer<Verdict> sink) {
        Reconciliation run = new Reconciliation(stored, WINDOW, RunMemory.compact(1));
        for (int from = 0; from < rows.size(); ) {
            List<ReadOutcome> batch = rows.subList(from, Math.min(rows.size(), from + 1 + random.nextInt(30)));
            var matches = stored.findAll(batch.stream().filter(SettlementRow.class::isInstance)
                    .map(SettlementRow.class::cast).toList()).iterator();
            for (ReadOutcome row : batch) {
                sink.accept(run.classify(row, row instanceof SettlementRow ? matches.next() : LocalMatch.none()));
            }
            from += batch.size();
        }
        run.finish(sink);
    }

    private static java.util.stream.Stream<ReadOutcome> read(byte[] file) {
        return SettlementReader.of(CsvMapping.sandbox()).read(new ByteArrayInputStream(file));
    }

    /**
     * Another provider's settled payments and refunds in the window (a planting of its own), and a settled payment
     * of it under every provider reference the file lists that the planted provider does not hold.
     */
    private void storeAnotherProvidersPayments(Random random, Planting ours) {
        Planting theirs = new Planting(random, "o" + UUID.randomUUID().toString().substring(0, 6) + "_");
        for (int i = 0; i < 20; i++) {
            theirs.plant(i % 2 == 0 ? Plant.MISSING_AT_PROVIDER : Plant.REFUND_MISSING_AT_PROVIDER);
        }
        store("other", theirs.local);
        var held = ours.local.stream().map(LocalPayment::providerRef).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet());
        List<LocalPayment> sharing = new ArrayList<>();
        for (String row : ours.rows) {
            String[] fields = row.split(",", -1);
            if (fields.length > 6 && !fields[1].isEmpty() && !held.contains(fields[1])) {
                sharing.add(new LocalPayment("x" + UUID.randomUUID().toString().substring(0, 12), fields[1],
                        "ord_x" + UUID.randomUUID().toString().substring(0, 8), 100, "CNY",
                        io.orderkeep.reconcile.domain.LocalStatus.SUCCEEDED, WINDOW.from().plusSeconds(60), List.of()));
                held.add(fields[1]);
            }
        }
        store("other", sharing);
    }

    private void store(String provider, List<LocalPayment> payments) {
        Map<String, Integer> numbers = new HashMap<>();
        for (LocalPayment p : payments) {
            long at = p.succeededAt() == null ? WINDOW.from().toEpochMilli() : p.succeededAt().toEpochMilli();
            jdbc.sql("""
                    INSERT INTO payment_attempts (id, order_id, provider, number, status, amount, currency, provider_ref,
                        opened_at, expires_at, updated_at, succeeded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(p.attemptId(), p.orderId(), provider, numbers.merge(p.orderId(), 1, Integer::sum), p.status().name(),
                            p.amount(), p.currency(), p.providerRef(), at, at + 1_800_000, at,
                            p.succeededAt() == null ? null : at)
                    .update();
            for (LocalRefund r : p.refunds()) {
                long refundedAt = r.succeededAt() == null ? at : r.succeededAt().toEpochMilli();
                String status = switch (r.status()) {
                    case SUCCEEDED -> "SUCCEEDED";
                    case PENDING -> "PENDING";
                    default -> "REFUSED";
                };
                jdbc.sql("""
                        INSERT INTO refunds (id, order_id, attempt_id, amount, status, provider_ref, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(r.refundId(), p.orderId(), p.attemptId(), r.amount(), status, r.providerRef(),
                                refundedAt, refundedAt)
                        .update();
            }
        }
    }
}
