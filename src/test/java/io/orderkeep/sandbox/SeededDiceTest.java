package io.orderkeep.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SeededDiceTest {

    @Test
    void aThrowDependsOnWhatItIsAboutNotOnWhatWasThrownBefore() {
        var one = new SeededDice(5);
        var other = new SeededDice(5);

        other.next("dropNotify", "reference:B|SUCCEEDED");
        other.next("queryTimeout", "reference:A");
        List<Double> a = IntStream.range(0, 3).mapToObj(i -> one.next("queryTimeout", "reference:A")).toList();
        List<Double> b = IntStream.range(0, 3).mapToObj(i -> other.next("queryTimeout", "reference:A")).toList();

        assertThat(b.getFirst()).isEqualTo(a.get(1));
        assertThat(b.get(1)).isEqualTo(a.get(2));
        assertThat(a).doesNotHaveDuplicates();
    }

    @Test
    void kindSubjectAndSeedEachChangeTheThrow() {
        var dice = new SeededDice(5);

        assertThat(dice.at("a", "bc", 0)).isNotEqualTo(dice.at("ab", "c", 0))
                .isNotEqualTo(dice.at("a", "bd", 0)).isNotEqualTo(new SeededDice(6).at("a", "bc", 0));
    }

    @Test
    void strikesAboutAsOftenAsItsProbabilityAndExactlyAtZeroAndOne() {
        var dice = new SeededDice(9);

        long struck = IntStream.range(0, 10_000).filter(i -> dice.strikes("drop", "order-" + i, 0.2)).count();

        assertThat(struck).isBetween(1_800L, 2_200L);
        assertThat(IntStream.range(0, 100).noneMatch(i -> dice.strikes("drop", "x" + i, 0))).isTrue();
        assertThat(IntStream.range(0, 100).allMatch(i -> dice.strikes("drop", "x" + i, 1))).isTrue();
        assertThat(IntStream.range(0, 1_000).mapToLong(i -> dice.between("delay", "y" + i, 10, 12)).distinct().sorted()
                .boxed().toList()).containsExactly(10L, 11L, 12L);
    }
}
