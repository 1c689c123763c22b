package io.orderkeep.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

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
 * in batches of random sizes, refunds and the final pass's window query included.
 */
@DatabaseTest
class MatchingInDatabaseTest {

    private static final SettlementWindow WINDOW =
            SettlementWindow.day(LocalDate.parse("2026-11-21"), ZoneId.of("Asia/Shanghai"));

    @Autowired
    JdbcClient jdbc;
    @Autowired
    LocalPayments stored;

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
            store(planting.local);

            List<String> lines = new ArrayList<>(planting.rows);
            Collections.shuffle(lines, random);
            byte[] file = (SandboxCsv.HEADER + "\n" + String.join("\n", lines)).getBytes(StandardCharsets.UTF_8);
            List<Verdict> verdicts = new ArrayList<>();
            Consumer<Verdict> ours = v -> {
                // Other test classes sharing this database may hold payments settled in the same window.
                if (Planting.key(v).contains(prefix) || v.kind().name().equals("INVALID_ROW")) {
                    verdicts.add(v);
                }
            };
            if (seed % 2 == 0) {
                Reconciliation.run(read(file), stored, WINDOW, RunMemory.inMemory(), ours);
            } else {
                inBatches(read(file).toList(), random, ours);
            }

            assertThat(verdicts.stream().map(Planting::key).toList()).as("seed " + seed)
                    .containsExactlyInAnyOrderElementsOf(planting.expected);
        }
    }

    /** As a run does it: a batch's payments looked up with one call, then its rows classified in file order. */
    private void inBatches(List<ReadOutcome> rows, Random random, Consumer<Verdict> sink) {
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

    private void store(List<LocalPayment> payments) {
        Map<String, Integer> numbers = new HashMap<>();
        for (LocalPayment p : payments) {
            long at = p.succeededAt() == null ? WINDOW.from().toEpochMilli() : p.succeededAt().toEpochMilli();
            jdbc.sql("""
                    INSERT INTO payment_attempts (id, order_id, provider, number, status, amount, currency, provider_ref,
                        opened_at, expires_at, updated_at, succeeded_at)
                    VALUES (?, ?, 'sandbox', ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(p.attemptId(), p.orderId(), numbers.merge(p.orderId(), 1, Integer::sum), p.status().name(),
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
