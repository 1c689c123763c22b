package io.orderkeep.order.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.order.domain.OrderCommand.Cancel;
import io.orderkeep.order.domain.OrderCommand.Complete;
import io.orderkeep.order.domain.OrderCommand.Expire;
import io.orderkeep.order.domain.OrderCommand.Fulfil;
import io.orderkeep.order.domain.OrderCommand.MarkPaid;
import io.orderkeep.order.domain.OrderCommand.Refund;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** Random command sequences, late, repeated and out of order, against the rules of DESIGN.md. */
class OrderStateMachineProperties {

    /** DESIGN.md's legal moves, written out independently of the implementation. */
    private static final Map<OrderStatus, Set<OrderStatus>> LEGAL = Map.of(
            OrderStatus.PENDING_PAYMENT, EnumSet.of(OrderStatus.PAID, OrderStatus.CANCELLED, OrderStatus.EXPIRED),
            OrderStatus.PAID, EnumSet.of(OrderStatus.FULFILLED, OrderStatus.PARTIALLY_REFUNDED, OrderStatus.REFUNDED),
            OrderStatus.FULFILLED, EnumSet.of(OrderStatus.COMPLETED, OrderStatus.PARTIALLY_REFUNDED, OrderStatus.REFUNDED),
            OrderStatus.COMPLETED, EnumSet.of(OrderStatus.PARTIALLY_REFUNDED, OrderStatus.REFUNDED),
            OrderStatus.PARTIALLY_REFUNDED, EnumSet.of(OrderStatus.PARTIALLY_REFUNDED, OrderStatus.REFUNDED),
            OrderStatus.CANCELLED, EnumSet.noneOf(OrderStatus.class),
            OrderStatus.EXPIRED, EnumSet.noneOf(OrderStatus.class),
            OrderStatus.REFUNDED, EnumSet.noneOf(OrderStatus.class));

    @Property(tries = 2000)
    void everyMoveIsLegalAndRefundsNeverExceedTheTotal(@ForAll("commands") List<OrderCommand> commands,
            @ForAll @LongRange(min = 1, max = 10_000_000) long total) {
        OrderState state = OrderState.created(total);
        for (OrderCommand command : commands) {
            Transition transition = OrderStateMachine.apply(state, command);
            switch (transition) {
                case Transition.Moved(var from, var to, var event) -> {
                    assertThat(from).isEqualTo(state);
                    assertThat(LEGAL.get(state.status())).as("%s → %s by %s", state.status(), to.status(), command)
                            .contains(to.status());
                    assertThat(to.totalAmount()).isEqualTo(total);
                    assertThat(to.refundedAmount()).isBetween(state.refundedAmount(), total);
                    state = to;
                }
                case Transition.AlreadyThere(var same) -> assertThat(same).isEqualTo(state);
                case Transition.Rejected(var same, var reason) -> {
                    assertThat(same).isEqualTo(state);
                    assertThat(reason).isNotBlank();
                }
            }
        }
    }

    @Property(tries = 2000)
    void terminalStatesNeverMoveAgain(@ForAll("commands") List<OrderCommand> commands) {
        OrderState state = OrderState.created(5000);
        OrderStatus terminal = null;
        for (OrderCommand command : commands) {
            state = OrderStateMachine.apply(state, command).state();
            if (terminal != null) {
                assertThat(state.status()).isEqualTo(terminal);
            } else if (state.status().isTerminal()) {
                terminal = state.status();
            }
        }
    }

    @Property(tries = 1000)
    void paidOrdersNeverGoBackToUnpaid(@ForAll("commands") List<OrderCommand> commands) {
        OrderState state = OrderState.created(5000);
        boolean paid = false;
        for (OrderCommand command : commands) {
            state = OrderStateMachine.apply(state, command).state();
            paid |= state.status() == OrderStatus.PAID;
            if (paid) {
                assertThat(state.status()).isNotIn(OrderStatus.PENDING_PAYMENT, OrderStatus.CANCELLED, OrderStatus.EXPIRED);
            }
        }
    }

    @Provide
    Arbitrary<List<OrderCommand>> commands() {
        Arbitrary<OrderCommand> command = Arbitraries.oneOf(
                Arbitraries.just(new MarkPaid()), Arbitraries.just(new Cancel()), Arbitraries.just(new Expire()),
                Arbitraries.just(new Fulfil()), Arbitraries.just(new Complete()),
                Arbitraries.longs().between(-10, 6000).map(Refund::new));
        return command.list().ofMaxSize(40);
    }
}
