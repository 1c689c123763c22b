package io.orderkeep.reconcile.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.reconcile.Reconciliations.Progress;
import io.orderkeep.reconcile.domain.CsvMapping;
import io.orderkeep.reconcile.domain.LocalPayment;
import io.orderkeep.reconcile.domain.LocalPayments;
import io.orderkeep.reconcile.domain.LocalStatus;
import io.orderkeep.reconcile.domain.SettlementReader;
import io.orderkeep.reconcile.domain.SettlementWindow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The final pass over a large window: its verdicts are stored a batch at a time, and the lease is renewed while the
 * window is read back, so a long pass is neither one huge transaction nor taken for abandoned.
 */
class FinalPassPagingTest {

    static final SettlementWindow WINDOW = SettlementWindow.day(LocalDate.of(2026, 11, 21), ZoneId.of("Asia/Shanghai"));

    @Test
    void storesTheFinalPassInBatchesAndRenewsTheLeaseWhileReadingTheWindow(@TempDir Path dir) throws IOException {
        // 5,000 payments settled in the window, none listed: 5,000 MISSING_AT_PROVIDER verdicts.
        List<LocalPayment> settled = IntStream.range(0, 5_000).mapToObj(i -> new LocalPayment("pay_" + i, "pr_" + i,
                "ord_" + i, 100, "CNY", LocalStatus.SUCCEEDED, WINDOW.from().plusSeconds(i), List.of())).toList();
        Path file = Files.writeString(dir.resolve("empty.csv"),
                "transaction_id,provider_ref,out_trade_no,type,status,amount,currency,fee,occurred_at\n");
        var sink = new RecordingSink();

        new RunExecutor(SettlementReader.of(CsvMapping.sandbox()), LocalPayments.of(settled), 500)
                .run(file, WINDOW, 0, 0, memory -> { }, sink, Progress.NONE, -1);

        assertThat(sink.finalBatches).hasSize(10).allMatch(size -> size == 500);
        assertThat(sink.finished).isZero();
        assertThat(sink.renewals).isEqualTo(5_000 / RunExecutor.RENEW_EVERY);
    }

    static final class RecordingSink implements RowSink {
        final List<Integer> finalBatches = new ArrayList<>();
        int renewals;
        int finished = -1;

        @Override
        public void batch(List<Outcome> outcomes, long lastLine) {
        }

        @Override
        public void finalBatch(List<Outcome> outcomes) {
            finalBatches.add(outcomes.size());
        }

        @Override
        public void renew() {
            renewals++;
        }

        @Override
        public void finish(List<Outcome> finalPass) {
            finished = finalPass.size();
        }
    }
}
