package io.orderkeep.order.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.order.domain.OrderCommand.Cancel;
import io.orderkeep.order.domain.OrderCommand.Complete;
import io.orderkeep.order.domain.OrderCommand.Expire;
import io.orderkeep.order.domain.OrderCommand.Fulfil;
import io.orderkeep.order.domain.OrderCommand.MarkPaid;
import io.orderkeep.order.domain.OrderCommand.Refund;
import org.junit.jupiter.api.Test;

class OrderStateMachineTest {

    private static OrderState at(OrderStatus status) {
        return new OrderState(status, 2500, status == OrderStatus.REFUNDED ? 2500 : 0);
    }

    @Test
    void pendingOrderIsPaidFulfilledAndCompleted() {
        var paid = OrderStateMachine.apply(OrderState.created(2500), new MarkPaid());
        assertThat(paid).isEqualTo(new Transition.Moved(OrderState.created(2500), at(OrderStatus.PAID), EventType.PAID));
        var fulfilled = (Transition.Moved) OrderStateMachine.apply(paid.state(), new Fulfil());
        assertThat(fulfilled.event()).isEqualTo(EventType.FULFILLED);
        var completed = (Transition.Moved) OrderStateMachine.apply(fulfilled.state(), new Complete());
        assertThat(completed.state().status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(completed.event()).isEqualTo(EventType.COMPLETED);
    }

    @Test
    void secondPaidIsAlreadyThereNotAnError() {
        assertThat(OrderStateMachine.apply(at(OrderStatus.PAID), new MarkPaid()))
                .isEqualTo(new Transition.AlreadyThere(at(OrderStatus.PAID)));
        assertThat(OrderStateMachine.apply(at(OrderStatus.COMPLETED), new MarkPaid()))
                .isInstanceOf(Transition.AlreadyThere.class);
    }

    @Test
    void latePaidNeverRevivesCancelledOrExpiredOrder() {
        for (OrderStatus terminal : new OrderStatus[] {OrderStatus.CANCELLED, OrderStatus.EXPIRED}) {
            var outcome = OrderStateMachine.apply(at(terminal), new MarkPaid());
            assertThat(outcome).isInstanceOf(Transition.Rejected.class);
            assertThat(((Transition.Rejected) outcome).reason()).contains(terminal.name());
        }
    }

    @Test
    void onlyUnpaidOrdersCancelOrExpire() {
        assertThat(OrderStateMachine.apply(OrderState.created(1), new Cancel()))
                .isEqualTo(new Transition.Moved(OrderState.created(1), new OrderState(OrderStatus.CANCELLED, 1, 0), EventType.CANCELLED));
        assertThat(OrderStateMachine.apply(OrderState.created(1), new Expire()).state().status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(OrderStateMachine.apply(at(OrderStatus.PAID), new Cancel())).isInstanceOf(Transition.Rejected.class);
        assertThat(OrderStateMachine.apply(at(OrderStatus.CANCELLED), new Cancel())).isInstanceOf(Transition.AlreadyThere.class);
        assertThat(OrderStateMachine.apply(at(OrderStatus.CANCELLED), new Expire())).isInstanceOf(Transition.Rejected.class);
    }

    @Test
    void unpaidOrderCannotBeFulfilledOrCompleted() {
        assertThat(OrderStateMachine.apply(OrderState.created(1), new Fulfil())).isInstanceOf(Transition.Rejected.class);
        assertThat(OrderStateMachine.apply(at(OrderStatus.PAID), new Complete())).isInstanceOf(Transition.Rejected.class);
    }

    @Test
    void partialRefundsAddUpToRefunded() {
        var partial = OrderStateMachine.apply(at(OrderStatus.COMPLETED), new Refund(1000));
        assertThat(partial.state()).isEqualTo(new OrderState(OrderStatus.PARTIALLY_REFUNDED, 2500, 1000));
        assertThat(((Transition.Moved) partial).event()).isEqualTo(EventType.REFUNDED);
        var rest = OrderStateMachine.apply(partial.state(), new Refund(1500));
        assertThat(rest.state()).isEqualTo(new OrderState(OrderStatus.REFUNDED, 2500, 2500));
    }

    @Test
    void refundBeyondWhatIsLeftOrNotPositiveIsRejected() {
        assertThat(OrderStateMachine.apply(at(OrderStatus.PAID), new Refund(2501))).isInstanceOf(Transition.Rejected.class);
        assertThat(OrderStateMachine.apply(at(OrderStatus.PAID), new Refund(0))).isInstanceOf(Transition.Rejected.class);
        assertThat(OrderStateMachine.apply(OrderState.created(2500), new Refund(1))).isInstanceOf(Transition.Rejected.class);
        assertThat(OrderStateMachine.apply(at(OrderStatus.REFUNDED), new Refund(1))).isInstanceOf(Transition.Rejected.class);
    }
}
