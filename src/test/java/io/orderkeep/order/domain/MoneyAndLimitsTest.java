package io.orderkeep.order.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoneyAndLimitsTest {

    private static final Currency CNY = Currency.getInstance("CNY");

    @Test
    void minorDigitsFollowTheCurrency() {
        assertThat(Money.of(1, "JPY").minorDigits()).isZero();
        assertThat(Money.of(1, "CNY").minorDigits()).isEqualTo(2);
        assertThat(Money.of(1, "KWD").minorDigits()).isEqualTo(3);
        assertThat(Money.maxUnitAmount(Currency.getInstance("JPY"))).isEqualTo(100_000_000L);
        assertThat(Money.maxUnitAmount(Currency.getInstance("KWD"))).isEqualTo(100_000_000_000L);
    }

    @Test
    void onlyIso4217MoneyCurrenciesAreAccepted() {
        assertThat(Money.currency("CNY")).isPresent();
        assertThat(Money.currency("cny")).isEmpty();
        assertThat(Money.currency("ABC")).isEmpty();
        assertThat(Money.currency("XXX")).isEmpty();
    }

    @Test
    void arithmeticThrowsInsteadOfOverflowing() {
        assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, "CNY").plus(Money.of(1, "CNY"))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> new LineItem("a", "b", Long.MAX_VALUE, 2).amount()).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.of(1, "CNY").plus(Money.of(1, "JPY"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void totalSumsTheLines() {
        var items = List.of(new LineItem("TEA-01", "Oolong", 2, 1250), new LineItem("CUP", "Cup", 1, 990));
        assertThat(OrderLimits.total(items, CNY)).isEqualTo(new Money(3490, CNY));
        assertThat(OrderLimits.check(items, CNY)).isEmpty();
    }

    @Test
    void limitsNameTheOffendingField() {
        assertThat(OrderLimits.check(List.of(), CNY)).extracting(OrderLimits.Violation::field).containsExactly("items");
        var bad = List.of(new LineItem("a", "b", 0, 1), new LineItem("a", "b", 1, 0),
                new LineItem("a", "b", 10_001, Money.maxUnitAmount(CNY) + 1));
        assertThat(OrderLimits.check(bad, CNY)).extracting(OrderLimits.Violation::field).containsExactly(
                "items[0].quantity", "items[1].unitAmount", "items[2].quantity", "items[2].unitAmount");
        var tooMany = Collections.nCopies(OrderLimits.MAX_ITEMS + 1, new LineItem("a", "b", 1, 1));
        assertThat(OrderLimits.check(tooMany, CNY)).extracting(OrderLimits.Violation::field).containsExactly("items");
    }

    @Test
    void hopIsUnreturnedWhenFailedOverdueOrPendingPastDue() {
        Instant now = Instant.parse("2026-11-22T08:30:00Z");
        assertThat(new Hop(HopName.PAYMENT, HopState.PENDING, now.plusSeconds(1), null).unreturned(now)).isFalse();
        assertThat(new Hop(HopName.PAYMENT, HopState.PENDING, now.minusSeconds(1), null).unreturned(now)).isTrue();
        assertThat(new Hop(HopName.PAYMENT, HopState.OVERDUE, now.plusSeconds(1), null).unreturned(now)).isTrue();
        assertThat(new Hop(HopName.MERCHANT, HopState.FAILED, now.plusSeconds(1), null).unreturned(now)).isTrue();
        assertThat(new Hop(HopName.MERCHANT, HopState.SKIPPED, now.minusSeconds(1), null).unreturned(now)).isFalse();
        assertThat(Hop.anyUnreturned(List.of(Hop.accepted(now)), now.plusSeconds(3600))).isFalse();
    }

    @Test
    void pendingHopReadsOverduePastItsDueTime() {
        Instant now = Instant.parse("2026-11-22T08:30:00Z");
        var pending = new Hop(HopName.MERCHANT, HopState.PENDING, now, null);
        assertThat(pending.stateAt(now)).isEqualTo(HopState.PENDING);
        assertThat(pending.stateAt(now.plusMillis(1))).isEqualTo(HopState.OVERDUE);
        assertThat(new Hop(HopName.MERCHANT, HopState.RETURNED, now, now).stateAt(now.plusSeconds(60)))
                .isEqualTo(HopState.RETURNED);
    }
}
