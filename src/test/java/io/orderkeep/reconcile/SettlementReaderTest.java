package io.orderkeep.reconcile;

import static io.orderkeep.reconcile.SandboxCsv.HEADER;
import static io.orderkeep.reconcile.SandboxCsv.readSandbox;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderkeep.reconcile.domain.ReadOutcome;
import io.orderkeep.reconcile.domain.RejectedRow;
import io.orderkeep.reconcile.domain.RowType;
import io.orderkeep.reconcile.domain.SettlementFormatException;
import io.orderkeep.reconcile.domain.SettlementReader;
import io.orderkeep.reconcile.domain.SettlementRow;
import io.orderkeep.reconcile.domain.SettlementStatus;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettlementReaderTest {

    @Test
    void readsTheSandboxFileIntoRows() {
        List<ReadOutcome> rows = readSandbox(HEADER + "\n"
                + "tx_1,pr_1,pay_1,PAYMENT,SUCCESS,2500,CNY,15,2026-11-21T08:30:00Z\n"
                + "rf_1,pr_1,pay_1,REFUND,SUCCESS,1250,CNY,0,2026-11-21T09:00:00+08:00\n");

        assertThat(rows).containsExactly(
                new SettlementRow(2, "tx_1", "pr_1", "pay_1", null, RowType.PAYMENT, SettlementStatus.SUCCEEDED,
                        2500, "CNY", 15, Instant.parse("2026-11-21T08:30:00Z")),
                new SettlementRow(3, "rf_1", "pr_1", "pay_1", null, RowType.REFUND, SettlementStatus.SUCCEEDED,
                        1250, "CNY", 0, Instant.parse("2026-11-21T01:00:00Z")));
    }

    @Test
    void dropsTheByteOrderMarkAndReadsCrlfLineEnds() {
        List<ReadOutcome> rows = readSandbox("\uFEFF" + HEADER + "\r\n"
                + "tx_1,pr_1,pay_1,PAYMENT,SUCCESS,2500,CNY,0,2026-11-21T08:30:00Z\r\n"
                + "tx_2,pr_2,pay_2,PAYMENT,SUCCESS,100,CNY,0,2026-11-21T08:31:00Z\r\n");

        assertThat(rows).hasSize(2).allMatch(SettlementRow.class::isInstance);
        assertThat(rows).extracting(ReadOutcome::line).containsExactly(2L, 3L);
        assertThat(((SettlementRow) rows.get(1)).occurredAt()).isEqualTo(Instant.parse("2026-11-21T08:31:00Z"));
    }

    @Test
    void readsQuotedFieldsWithEmbeddedNewlinesDelimitersAndQuotes() {
        List<ReadOutcome> rows = readSandbox(HEADER + "\r\n"
                + "\"tx \"\"1\"\"\",\"pr,1\",\"pay\r\n1\",PAYMENT,SUCCESS,2500,CNY,0,2026-11-21T08:30:00Z\r\n"
                + "tx_2,pr_2,pay_2,PAYMENT,SUCCESS,100,CNY,0,2026-11-21T08:31:00Z");

        SettlementRow first = (SettlementRow) rows.get(0);
        assertThat(first.transactionId()).isEqualTo("tx \"1\"");
        assertThat(first.providerRef()).isEqualTo("pr,1");
        assertThat(first.outTradeNo()).isEqualTo("pay\r\n1");
        assertThat(rows).extracting(ReadOutcome::line).containsExactly(2L, 4L);
    }

    @Test
    void rejectsBadRowsWithTheirLineAndAReasonNamingTheColumn() {
        List<ReadOutcome> rows = readSandbox(HEADER + "\n"
                + "tx_1,pr_1,pay_1,PAYMENT,SUCCESS,25.00,CNY,0,2026-11-21T08:30:00Z\n"
                + "tx_2,pr_2,pay_2,PAYMENT,SUCCESS,2500,CNY,0,2026-02-30T08:30:00Z\n"
                + "tx_3,pr_3,pay_3,PAYMENT,SUCCESS,2500,CNY,0\n"
                + "tx_4,pr_4,pay_4,PAYMENT,MAYBE,2500,CNY,0,2026-11-21T08:30:00Z\n"
                + "tx_5,pr_5,pay_5,PAYMENT,SUCCESS,2500,XYZ,0,2026-11-21T08:30:00Z\n"
                + "tx_6,pr_6,pay_6,PAYMENT,SUCCESS,-2500,CNY,0,2026-11-21T08:30:00Z\n"
                + "tx_7,pr_7,\"pay_7\"x,PAYMENT,SUCCESS,2500,CNY,0,2026-11-21T08:30:00Z\n"
                + "tx_9,pr_9,pay_9,PAYMENT,SUCCESS,2500,XXX,0,2026-11-21T08:30:00Z\n"
                + "tx_8,pr_8,pay_8,PAYMENT,SUCCESS,2500,CNY,0,\"2026-11-21T08:30:00Z");

        assertThat(rows).allMatch(RejectedRow.class::isInstance);
        assertThat(rows).extracting(ReadOutcome::line).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(rows).extracting(r -> ((RejectedRow) r).reason()).containsExactly(
                "amount: '25.00' is not a whole number of minor units",
                "occurred_at: '2026-02-30T08:30:00Z' is not a time (ISO-8601)",
                "expected 9 fields, found 8",
                "status: unknown status 'MAYBE'",
                "currency: 'XYZ' is not an ISO 4217 code",
                "amount: a payment cannot be negative",
                "text after the closing quote of field 3",
                "currency: 'XXX' has no minor unit",
                "the file ends inside a quoted field");
    }

    @Test
    void failsTheWholeFileWhenARequiredColumnIsMissing() {
        assertThatThrownBy(() -> readSandbox("transaction_id,provider_ref,out_trade_no,type,status,currency\n"))
                .isInstanceOf(SettlementFormatException.class)
                .hasMessageContaining("'amount'");
        assertThatThrownBy(() -> readSandbox(""))
                .isInstanceOf(SettlementFormatException.class)
                .hasMessageContaining("no header");
    }

    @Test
    void skipsBlankLinesWithoutCountingThemAsRows() {
        List<ReadOutcome> rows = readSandbox(HEADER + "\n\n"
                + "tx_1,pr_1,pay_1,PAYMENT,SUCCESS,2500,CNY,0,2026-11-21T08:30:00Z\n\n");

        assertThat(rows).extracting(ReadOutcome::line).containsExactly(3L);
    }

    @Test
    void readsIsoTimesWithAnOffsetOrAsLocalTimesInTheProvidersZone() {
        String[] times = {"2026-11-21T08:30:00Z", "2026-11-21T08:30:00-05:30", "2026-11-21T08:30:00",
                "2026-11-21T08:30:00.250Z", "2026-11-21T16:30:00+08:00[Asia/Shanghai]", "2026-11-21T23:59:59.999Z",
                "2026-11-21 08:30:00", "2026-11-21T24:30:00Z", "2026-11-21T08:30:00+19:00", "2026-02-30T08:30:00.123Z",
                "2026-11-21T08:30:00.1x3Z"};
        StringBuilder file = new StringBuilder(HEADER + "\n");
        for (String time : times) {
            file.append("tx,pr,pay,PAYMENT,SUCCESS,1,CNY,0,").append(time).append('\n');
        }

        List<ReadOutcome> rows = readSandbox(file.toString());

        assertThat(rows.subList(0, 6)).extracting(r -> ((SettlementRow) r).occurredAt()).containsExactly(
                Instant.parse("2026-11-21T08:30:00Z"), Instant.parse("2026-11-21T14:00:00Z"),
                Instant.parse("2026-11-21T08:30:00Z"), Instant.parse("2026-11-21T08:30:00.250Z"),
                Instant.parse("2026-11-21T08:30:00Z"), Instant.parse("2026-11-21T23:59:59.999Z"));
        assertThat(rows.subList(6, 11)).allMatch(RejectedRow.class::isInstance);
    }

    @Test
    void readsLazilySoThatAFileOfAnySizeTakesConstantMemory() {
        byte[] row = "tx,pr,pay,PAYMENT,SUCCESS,1,CNY,0,2026-11-21T08:30:00Z\n".getBytes(StandardCharsets.UTF_8);
        byte[] header = (HEADER + "\n").getBytes(StandardCharsets.UTF_8);
        // An endless file: reading it whole would never return.
        InputStream endless = new InputStream() {
            private long position;

            @Override
            public int read() {
                long at = position++;
                return at < header.length ? header[(int) at] : row[(int) ((at - header.length) % row.length)];
            }
        };

        try (var rows = SettlementReader.sandbox().read(endless)) {
            assertThat(rows.limit(3).map(ReadOutcome::line).toList()).containsExactly(2L, 3L, 4L);
        }
    }
}
