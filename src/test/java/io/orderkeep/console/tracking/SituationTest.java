package io.orderkeep.console.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.console.tracking.Step.HopView;
import io.orderkeep.console.tracking.Step.State;
import io.orderkeep.order.domain.OrderStatus;
import io.orderkeep.payment.domain.AttemptStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the customer is told, for every order status and payment state: plain Java, no server. */
class SituationTest {

    static final Instant NOW = Instant.parse("2026-11-22T08:30:00Z");

    @Test
    void anUnpaidOrderIsToldToPayOnlyWhileTheProviderWaitsAndNeverWhileTheMoneyMayHaveMoved() {
        assertThat(Situation.of(OrderStatus.PENDING_PAYMENT, AttemptStatus.PENDING, false, false))
                .isEqualTo(Situation.AWAITING_PAYMENT);
        assertThat(Situation.of(OrderStatus.PENDING_PAYMENT, AttemptStatus.UNKNOWN, false, false))
                .isEqualTo(Situation.CONFIRMING_PAYMENT);
        assertThat(Situation.of(OrderStatus.PENDING_PAYMENT, null, false, false))
                .isEqualTo(Situation.CONFIRMING_PAYMENT);
        assertThat(Situation.of(OrderStatus.PENDING_PAYMENT, AttemptStatus.SUCCEEDED, false, false))
                .isEqualTo(Situation.CONFIRMING_PAYMENT);
        assertThat(Situation.AWAITING_PAYMENT.offersPayLink()).isTrue();
        assertThat(Situation.CONFIRMING_PAYMENT.offersPayLink()).isFalse();
    }

    @Test
    void aFailedPaymentOffersTryAgainOnlyWhenANewAttemptIsAllowed() {
        assertThat(Situation.of(OrderStatus.PENDING_PAYMENT, AttemptStatus.FAILED, false, true))
                .isEqualTo(Situation.PAYMENT_FAILED).matches(Situation::offersRetry);
        assertThat(Situation.of(OrderStatus.PENDING_PAYMENT, AttemptStatus.FAILED, false, false))
                .isEqualTo(Situation.PAYMENT_STOPPED);
        assertThat(Situation.of(OrderStatus.PENDING_PAYMENT, AttemptStatus.CANCELLED, false, false))
                .isEqualTo(Situation.PAYMENT_STOPPED);
    }

    @Test
    void everyOtherStatusHasItsOwnWordsAndAFlaggedOrderSaysPeopleAreOnIt() {
        for (OrderStatus status : OrderStatus.values()) {
            if (status != OrderStatus.PENDING_PAYMENT) {
                assertThat(Situation.of(status, AttemptStatus.SUCCEEDED, false, false).name())
                        .isEqualTo(status.name());
            }
        }
        assertThat(Situation.of(OrderStatus.PENDING_PAYMENT, AttemptStatus.PENDING, true, true))
                .isEqualTo(Situation.NEEDS_ATTENTION).matches(s -> !s.offersPayLink() && !s.offersRetry());
        assertThat(Situation.of(OrderStatus.REFUNDED, AttemptStatus.SUCCEEDED, true, false))
                .as("a terminal outcome is what the customer needs to know").isEqualTo(Situation.REFUNDED);
    }

    @Test
    void thePaymentStepFollowsTheOrderNotJustItsHop() {
        var returned = Map.of("payment", new HopView("payment", "RETURNED", NOW));
        assertThat(Step.of(OrderStatus.PENDING_PAYMENT, AttemptStatus.FAILED, returned, NOW).get(1).state())
                .as("a payment hop returns with a failure too").isEqualTo(State.FAILED);
        assertThat(Step.of(OrderStatus.PAID, AttemptStatus.SUCCEEDED, returned, NOW).get(1).state())
                .isEqualTo(State.DONE);
        var late = Map.of("payment", new HopView("payment", "PENDING", NOW.minus(Duration.ofMinutes(1))));
        assertThat(Step.of(OrderStatus.PENDING_PAYMENT, AttemptStatus.UNKNOWN, late, NOW).get(1).state())
                .isEqualTo(State.DELAYED);
        assertThat(Step.of(OrderStatus.EXPIRED, AttemptStatus.PENDING, late, NOW))
                .extracting(Step::state).containsExactly(State.DONE, State.STOPPED, State.STOPPED);
    }

    @Test
    void theShopStepCountsOnceThePaymentIsIn() {
        var merchantDone = Map.of("merchant", new HopView("merchant", "RETURNED", NOW));
        assertThat(Step.of(OrderStatus.PENDING_PAYMENT, AttemptStatus.PENDING, merchantDone, NOW).get(2).state())
                .isEqualTo(State.WAITING);
        assertThat(Step.of(OrderStatus.PAID, AttemptStatus.SUCCEEDED, merchantDone, NOW).get(2).state())
                .isEqualTo(State.DONE);
        var skipped = Map.of("merchant", new HopView("merchant", "SKIPPED", NOW));
        assertThat(Step.of(OrderStatus.PAID, AttemptStatus.SUCCEEDED, skipped, NOW).get(2).state())
                .isEqualTo(State.NOT_TRACKED);
        var overdue = Map.of("merchant", new HopView("merchant", "OVERDUE", NOW));
        assertThat(Step.of(OrderStatus.PAID, AttemptStatus.SUCCEEDED, overdue, NOW).get(2).state())
                .isEqualTo(State.DELAYED);
    }
}
