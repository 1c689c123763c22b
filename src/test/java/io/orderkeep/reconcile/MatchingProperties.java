package io.orderkeep.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.reconcile.Planting.Plant;
import io.orderkeep.reconcile.domain.CsvMapping;
import io.orderkeep.reconcile.domain.LocalPayments;
import io.orderkeep.reconcile.domain.MatchKind;
import io.orderkeep.reconcile.domain.ReadOutcome;
import io.orderkeep.reconcile.domain.Reconciliation;
import io.orderkeep.reconcile.domain.RunMemory;
import io.orderkeep.reconcile.domain.SettlementReader;
import io.orderkeep.reconcile.domain.SettlementWindow;
import io.orderkeep.reconcile.domain.Tally;
import io.orderkeep.reconcile.domain.Verdict;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** A file with discrepancies planted at random gives exactly those discrepancies, and MATCHED for the rest. */
class MatchingProperties {

    private static final SettlementWindow WINDOW =
            SettlementWindow.day(LocalDate.parse("2026-11-21"), ZoneId.of("Asia/Shanghai"));

    @Property(tries = 300)
    void findsExactlyThePlantedDiscrepancies(@ForAll @Size(max = 50) List<Plant> plants, @ForAll long seed,
            @ForAll boolean compactMemory) {
        // The compact memory starts at one slot's worth of rows, so that growing is exercised too.
        assertFindsWhatWasPlanted(plants, new Random(seed),
                compactMemory ? RunMemory.compact(1) : RunMemory.inMemory());
    }

    @Example
    void findsEveryKindPlantedTogether() {
        List<Plant> plants = new ArrayList<>(Arrays.asList(Plant.values()));
        plants.addAll(Arrays.asList(Plant.values()));
        Tally tally = assertFindsWhatWasPlanted(plants, new Random(42), RunMemory.inMemory());

        for (MatchKind kind : MatchKind.values()) {
            assertThat(tally.count(kind)).as(kind.name()).isPositive();
        }
    }

    private static Tally assertFindsWhatWasPlanted(List<Plant> plants, Random random, RunMemory memory) {
        Planting planting = new Planting(random);
        plants.forEach(planting::plant);
        List<String> lines = new ArrayList<>(planting.rows);
        Collections.shuffle(lines, random);
        Collections.shuffle(planting.local, random);
        byte[] file = (SandboxCsv.HEADER + "\n" + String.join("\n", lines)).getBytes(StandardCharsets.UTF_8);

        List<Verdict> verdicts = new ArrayList<>();
        Stream<ReadOutcome> rows = SettlementReader.of(CsvMapping.sandbox()).read(new ByteArrayInputStream(file));
        Tally tally = Reconciliation.run(rows, LocalPayments.of(planting.local), WINDOW, memory, verdicts::add);

        assertThat(verdicts.stream().map(Planting::key).toList())
                .containsExactlyInAnyOrderElementsOf(planting.expected);
        assertThat(tally.rowsRead()).isEqualTo(lines.size());
        assertThat(tally.counts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(verdicts.size());
        return tally;
    }
}
