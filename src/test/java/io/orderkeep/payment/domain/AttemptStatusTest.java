package io.orderkeep.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.payment.ProviderPayment.Status;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class AttemptStatusTest {

    @Test
    void openAttemptTakesAnyResult() {
        for (AttemptStatus open : EnumSet.of(AttemptStatus.PENDING, AttemptStatus.UNKNOWN)) {
            assertThat(open.after(Status.SUCCEEDED)).isEqualTo(AttemptStatus.SUCCEEDED);
            assertThat(open.after(Status.FAILED)).isEqualTo(AttemptStatus.FAILED);
            assertThat(open.after(Status.CLOSED)).isEqualTo(AttemptStatus.CANCELLED);
            assertThat(open.after(Status.PENDING)).isEqualTo(AttemptStatus.PENDING);
        }
    }

    @Test
    void unknownIsNeverReadAsFailedWhenTheProviderHasNothing() {
        assertThat(AttemptStatus.UNKNOWN.after(Status.NOT_FOUND)).isEqualTo(AttemptStatus.UNKNOWN);
    }

    @Test
    void successIsFinalWhateverArrivesLate() {
        for (Status late : Status.values()) {
            assertThat(AttemptStatus.SUCCEEDED.after(late)).isEqualTo(AttemptStatus.SUCCEEDED);
        }
    }

    @Test
    void closedOrFailedAttemptTakesOnlyALateSuccess() {
        for (AttemptStatus done : EnumSet.of(AttemptStatus.FAILED, AttemptStatus.CANCELLED)) {
            for (Status late : Status.values()) {
                assertThat(done.after(late)).isEqualTo(late == Status.SUCCEEDED ? AttemptStatus.SUCCEEDED : done);
            }
        }
    }

    @Test
    void noAnswerEverMovesAnAttemptBackToOpen() {
        for (AttemptStatus from : AttemptStatus.values()) {
            for (Status answer : Status.values()) {
                if (!from.isOpen()) {
                    assertThat(from.after(answer).isOpen()).as(from + " after " + answer).isFalse();
                }
            }
        }
    }
}
