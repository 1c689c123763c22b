package io.orderkeep.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The customers' plan is the seed's: the same seed, the same customers; a run is repeatable in what it asks. */
class CustomerPlanTest {

    private static final DemoTimings TIMINGS = new DemoTimings(1);

    @Test
    void theSameSeedPlansTheSameCustomers() {
        var plan = Customer.plan(2026, 120, Duration.ofMinutes(2), TIMINGS);

        assertThat(Customer.plan(2026, 120, Duration.ofMinutes(2), TIMINGS)).isEqualTo(plan);
        assertThat(Customer.plan(2027, 120, Duration.ofMinutes(2), TIMINGS)).isNotEqualTo(plan);
    }

    @Test
    void customersArriveWithinTheDurationAndThinkWithinTheirBounds() {
        var plan = Customer.plan(7, 200, Duration.ofMinutes(2), TIMINGS);

        assertThat(plan).hasSize(200).allSatisfy(c -> {
            assertThat(c.placedAfter()).isBetween(Duration.ZERO, Duration.ofMinutes(2));
            assertThat(c.think()).isBetween(TIMINGS.thinkMin(), TIMINGS.thinkMax());
            assertThat(c.items()).isNotEmpty();
        });
        assertThat(plan).extracting(Customer::choice).contains(Customer.Choice.values());
        assertThat(plan.stream().filter(c -> c.choice() == Customer.Choice.PAY).count()).isBetween(120L, 160L);
    }

    @Test
    void theScheduleShrinksWithTheSpeedButTheReadTimeoutStaysAboveASecond() {
        var fast = new DemoTimings(10);

        assertThat(fast.querySchedule().getFirst()).isEqualTo(Duration.ofMillis(1500));
        assertThat(fast.expiryWindow()).isEqualTo(Duration.ofMillis(4500));
        assertThat(fast.readTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(fast.queryHold()).isGreaterThan(fast.readTimeout());
        assertThat(DemoTimings.property(fast.deliveryRetries())).startsWith("0ms,100ms,200ms,500ms");
        assertThat(DemoTimings.words(Duration.ofSeconds(218))).isEqualTo("3m38s");
        assertThat(DemoTimings.words(Duration.ofSeconds(75))).isEqualTo("75s");
    }
}
