package io.orderkeep.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderkeep.delivery.DeliveryFixture.Merchant;
import io.orderkeep.delivery.DeliveryTestConfig.TestOrderEvents;
import io.orderkeep.delivery.DeliveryTestConfig.RecordingHopLedger;
import io.orderkeep.delivery.webhook.Dispatcher;
import io.orderkeep.order.OrderEvent;
import io.orderkeep.order.domain.EventType;
import io.orderkeep.support.Api;
import io.orderkeep.support.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@DeliveryTest
class OutboxTest {

    static Receiver receiver;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired Dispatcher dispatcher;
    @Autowired TestOrderEvents events;
    @Autowired RecordingHopLedger hops;

    DeliveryFixture fixture;
    Merchant merchant;

    @BeforeAll
    static void startReceiver() {
        receiver = Receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @BeforeEach
    void setUp() {
        receiver.clock(clock);
        fixture = new DeliveryFixture(Api.at(port), jdbc);
        fixture.cleanSlate();
        merchant = fixture.merchant();
    }

    @Test
    void anEventAndOneDeliveryPerSubscribedEndpointAreWrittenWithTheChange() {
        var paidOnly = fixture.endpoint(merchant, receiver.url("/paid"), List.of("order.paid"));
        var everything = fixture.endpoint(merchant, receiver.url("/all"), List.of("*"));
        fixture.endpoint(fixture.merchant(), receiver.url("/other-merchant"), List.of("*"));

        OrderEvent paid = events.publish(merchant.id(), "ord_o1" + merchant.id(), EventType.PAID);
        OrderEvent created = events.publish(merchant.id(), "ord_o2" + merchant.id(), EventType.CREATED);

        assertThat(eventCount(paid.eventId())).isEqualTo(1);
        assertThat(endpointsOf(paid.eventId())).containsExactlyInAnyOrder(paidOnly.id(), everything.id());
        assertThat(endpointsOf(created.eventId())).containsExactly(everything.id());
    }

    @Test
    void aChangeThatRollsBackLeavesNoEvent() {
        fixture.endpoint(merchant, receiver.url("/rollback"), List.of("*"));
        OrderEvent event = events.event(merchant.id(), "ord_rb" + merchant.id(), EventType.PAID);
        assertThatThrownBy(() -> events.publishThenFail(event)).isInstanceOf(IllegalStateException.class);
        assertThat(eventCount(event.eventId())).isZero();
        assertThat(endpointsOf(event.eventId())).isEmpty();
    }

    @Test
    void anEventPublishedOutsideATransactionIsRefused() {
        OrderEvent event = events.event(merchant.id(), "ord_nt" + merchant.id(), EventType.PAID);
        assertThatThrownBy(() -> events.publishWithoutTransaction(event))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("outside a transaction");
        assertThat(eventCount(event.eventId())).isZero();
    }

    @Test
    void merchantHopIsSkippedWhenTheMerchantHasNoEndpoint() {
        OrderEvent event = events.publish(merchant.id(), "ord_skip" + merchant.id(), EventType.CREATED);
        assertThat(hops.states(event.orderId())).containsExactly("SKIPPED");
        assertThat(eventCount(event.eventId())).as("the feed still has it").isEqualTo(1);
    }

    @Test
    void merchantHopIsDueLaterAndReturnsWhenTheLatestEventIsDelivered() {
        fixture.endpoint(merchant, receiver.url("/hop"), List.of("*"));
        String order = "ord_hop" + merchant.id();
        events.publish(merchant.id(), order, EventType.CREATED);
        events.publish(merchant.id(), order, EventType.PAID);
        var opened = hops.last(order);
        assertThat(opened.state()).isEqualTo("PENDING");
        assertThat(opened.at()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));

        dispatcher.runOnce();
        assertThat(hops.states(order)).as("only the first event is out").containsExactly("PENDING", "PENDING");
        dispatcher.runOnce();
        assertThat(hops.states(order)).containsExactly("PENDING", "PENDING", "RETURNED");
    }

    @Test
    void anEarlierEventStillOnItsWayKeepsTheHopOpenAndItsDeathFailsTheHop() {
        String path = "/created-only-failing/" + merchant.id();
        fixture.endpoint(merchant, receiver.url(path), List.of("order.created"));
        int schedule = 10;
        for (int i = 0; i < schedule; i++) {
            receiver.script(path, Receiver.Reply.status(500));
        }
        String order = "ord_earlier" + merchant.id();
        events.publish(merchant.id(), order, EventType.CREATED);
        events.publish(merchant.id(), order, EventType.PAID);
        assertThat(hops.states(order)).as("order.paid goes nowhere, but order.created still waits")
                .containsExactly("PENDING");

        for (int pass = 0; pass < schedule; pass++) {
            dispatcher.runOnce();
            clock.advance(Duration.ofDays(2));
        }
        assertThat(receiver.at(path)).hasSize(schedule);
        assertThat(hops.states(order)).containsExactly("PENDING", "FAILED");
    }

    @Test
    void theHopReturnsOnceAnEarlierEventArrivesAfterALaterOneThatGoesNowhere() {
        String path = "/created-only-late/" + merchant.id();
        fixture.endpoint(merchant, receiver.url(path), List.of("order.created"));
        receiver.script(path, Receiver.Reply.status(500));
        String order = "ord_late" + merchant.id();
        events.publish(merchant.id(), order, EventType.CREATED);
        dispatcher.runOnce();
        events.publish(merchant.id(), order, EventType.PAID);
        assertThat(hops.states(order)).containsExactly("PENDING");

        clock.advance(Duration.ofMinutes(1));
        dispatcher.runOnce();
        assertThat(hops.states(order)).containsExactly("PENDING", "RETURNED");
    }

    @Test
    void anEventThatReachedNoEndpointFailsTheHopEvenWhenALaterOneArrives() {
        String failing = "/created-only-dead/" + merchant.id();
        fixture.endpoint(merchant, receiver.url(failing), List.of("order.created"));
        fixture.endpoint(merchant, receiver.url("/paid-only-ok/" + merchant.id()), List.of("order.paid"));
        receiver.script(failing, Receiver.Reply.status(410));
        String order = "ord_dead_then_ok" + merchant.id();
        events.publish(merchant.id(), order, EventType.CREATED);
        events.publish(merchant.id(), order, EventType.PAID);
        dispatcher.runOnce();
        assertThat(hops.states(order)).containsExactly("PENDING", "PENDING", "FAILED");
    }

    @Test
    void deletingAnEndpointWithADeliveryStillWaitingFailsTheHop() {
        String path = "/deleted-while-waiting/" + merchant.id();
        var endpoint = fixture.endpoint(merchant, receiver.url(path), List.of("*"));
        receiver.script(path, Receiver.Reply.status(500));
        String order = "ord_deleted" + merchant.id();
        events.publish(merchant.id(), order, EventType.CREATED);
        dispatcher.runOnce();
        assertThat(hops.states(order)).containsExactly("PENDING");

        assertThat(merchant.key().delete("/api/v1/webhook-endpoints/" + endpoint.id()).status()).isEqualTo(204);
        assertThat(hops.states(order)).containsExactly("PENDING", "FAILED");
    }

    private long eventCount(String eventId) {
        return jdbc.sql("SELECT COUNT(*) FROM delivery_events WHERE id = ?").param(eventId).query(Long.class).single();
    }

    private List<String> endpointsOf(String eventId) {
        return jdbc.sql("SELECT endpoint_id FROM webhook_deliveries WHERE event_id = ?").param(eventId)
                .query(String.class).list();
    }
}
