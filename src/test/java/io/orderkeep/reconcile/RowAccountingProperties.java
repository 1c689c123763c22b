package io.orderkeep.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.reconcile.domain.CsvMapping;
import io.orderkeep.reconcile.domain.ReadOutcome;
import io.orderkeep.reconcile.domain.RejectedRow;
import io.orderkeep.reconcile.domain.SettlementRow;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** Every data row of a file is accounted for: accepted, or rejected with its line and a reason. */
class RowAccountingProperties {

    enum Line { VALID, QUOTED_NEWLINE, BAD_AMOUNT, BAD_DATE, TOO_FEW_FIELDS, TOO_MANY_FIELDS, UNDECODABLE,
        UNKNOWN_STATUS, TEXT_AFTER_QUOTE, BLANK }

    @Property(tries = 300)
    void acceptedPlusRejectedIsEveryRowOfTheFile(@ForAll @Size(max = 40) List<Line> lines, @ForAll boolean crlf,
            @ForAll boolean bom, @ForAll boolean truncatedLast, @ForAll long seed) {
        Random random = new Random(seed);
        String eol = crlf ? "\r\n" : "\n";
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        write(file, (bom ? "\uFEFF" : "") + SandboxCsv.HEADER + eol);
        long line = 2;
        int rows = 0;
        List<Long> accepted = new ArrayList<>();
        List<Long> rejected = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line kind = lines.get(i);
            String id = Integer.toString(i);
            String text = switch (kind) {
                case VALID, UNDECODABLE -> valid(id, random);
                case QUOTED_NEWLINE -> valid(id, random).replace("pay_" + id, "\"pay" + eol + id + "\"");
                case BAD_AMOUNT -> valid(id, random).replace(",CNY,", "x,CNY,");
                case BAD_DATE -> valid(id, random).replace("T", "X");
                case TOO_FEW_FIELDS -> valid(id, random).replace(",CNY,", ",");
                case TOO_MANY_FIELDS -> valid(id, random) + ",extra";
                case UNKNOWN_STATUS -> valid(id, random).replace("SUCCESS", "SUCCESSFUL");
                case TEXT_AFTER_QUOTE -> valid(id, random).replace("pr_" + id, "\"pr_" + id + "\"x");
                case BLANK -> "";
            };
            if (kind == Line.UNDECODABLE) {
                int cut = text.indexOf("pay_");
                write(file, text.substring(0, cut));
                file.write(0xFF);
                write(file, text.substring(cut) + eol);
            } else {
                write(file, text + eol);
            }
            if (kind != Line.BLANK) {
                rows++;
                (kind == Line.VALID || kind == Line.QUOTED_NEWLINE ? accepted : rejected).add(line);
            }
            line += kind == Line.QUOTED_NEWLINE ? 2 : 1;
        }
        if (truncatedLast) {
            // Cut before the seventh delimiter: the row lost at least its last three fields and its line end.
            String text = valid("last", random);
            int seventhComma = ordinalIndexOf(text, ',', 7);
            write(file, text.substring(0, 1 + random.nextInt(seventhComma)));
            rows++;
            rejected.add(line);
        }

        List<ReadOutcome> outcomes = SandboxCsv.read(CsvMapping.sandbox(), file.toByteArray());

        assertThat(outcomes).hasSize(rows);
        assertThat(outcomes.stream().filter(SettlementRow.class::isInstance).map(ReadOutcome::line))
                .containsExactlyElementsOf(accepted);
        assertThat(outcomes.stream().filter(RejectedRow.class::isInstance).map(ReadOutcome::line))
                .containsExactlyElementsOf(rejected);
        assertThat(outcomes).filteredOn(RejectedRow.class::isInstance)
                .allSatisfy(r -> assertThat(((RejectedRow) r).reason()).isNotBlank());
    }

    private static String valid(String id, Random random) {
        Instant at = Instant.parse("2026-11-21T00:00:00Z").plusSeconds(random.nextInt(86_400));
        return SandboxCsv.payment("tx_" + id, "pr_" + id, "pay_" + id, 1 + random.nextInt(1_000_000), at);
    }

    private static int ordinalIndexOf(String text, char c, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = text.indexOf(c, at + 1);
        }
        return at;
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
