package io.orderkeep.order;

import static io.orderkeep.order.OrderFixtures.created;
import static io.orderkeep.order.OrderFixtures.newMerchant;
import static io.orderkeep.order.OrderFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderkeep.order.OrderTestConfig.CapturedEvents;
import io.orderkeep.order.domain.EventType;
import io.orderkeep.order.domain.HopName;
import io.orderkeep.order.domain.OrderCommand;
import io.orderkeep.order.domain.OrderStatus;
import io.orderkeep.platform.ApiException;
import io.orderkeep.support.Api;
import io.orderkeep.support.DatabaseTest;
import io.orderkeep.support.MutableClock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link OrderLifecycle} and {@link HopLedger}: every change leaves history, audit and an event; nothing regresses. */
@DatabaseTest
@Import(OrderTestConfig.class)
class OrderLifecycleTest {

    static final Change PROVIDER = Change.of("provider:sandbox", "notification", null);

    @LocalServerPort
    int port;

    @Autowired
    OrderLifecycle lifecycle;

    @Autowired
    HopLedger hops;

    @Autowired
    CapturedEvents events;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    Api admin;
    String id;

    @BeforeEach
    void setUp() {
        admin = Api.at(port).asAdmin();
        id = created(admin, order(newMerchant(Api.at(port))));
    }

    @Test
    void creationPublishesOrderCreatedInsideItsTransaction() {
        var captured = events.of(id);
        assertThat(captured).hasSize(1);
        assertThat(captured.getFirst().event().type()).isEqualTo(EventType.CREATED);
        assertThat(captured.getFirst().inTransaction()).isTrue();
        assertThat(captured.getFirst().event().customerEmail()).isEqualTo("li.wei@example.com");
        assertThat(captured.getFirst().event().order().get("status")).isEqualTo("PENDING_PAYMENT");
        assertThat(audit()).containsExactly("order.created");
    }

    @Test
    void paidWritesHistoryAuditAndEvent() {
        var outcome = lifecycle.apply(id, new OrderCommand.MarkPaid(), PROVIDER);
        assertThat(outcome).isInstanceOf(TransitionOutcome.Applied.class);
        assertThat(outcome.order().status()).isEqualTo(OrderStatus.PAID);
        assertThat(outcome.order().version()).isEqualTo(2);
        var last = events.of(id).getLast();
        assertThat(last.event().type()).isEqualTo(EventType.PAID);
        assertThat(last.inTransaction()).isTrue();
        assertThat(last.event().order().get("status")).isEqualTo("PAID");
        assertThat(audit()).containsExactly("order.created", "order.paid");
        var history = admin.get("/api/v1/orders/" + id + "/history").json().path("data");
        assertThat(history.get(1).path("seq").asLong()).isEqualTo(2);
        assertThat(history.get(1).path("actor").asString()).isEqualTo("provider:sandbox");
        assertThat(history.get(1).path("source").asString()).isEqualTo("notification");
    }

    @Test
    void duplicatePaidIsAlreadyThereAndWritesNothing() {
        lifecycle.apply(id, new OrderCommand.MarkPaid(), PROVIDER);
        var again = lifecycle.apply(id, new OrderCommand.MarkPaid(), PROVIDER);
        assertThat(again).isInstanceOf(TransitionOutcome.AlreadyThere.class);
        assertThat(again.order().version()).isEqualTo(2);
        assertThat(events.of(id)).hasSize(2);
        assertThat(audit()).hasSize(2);
    }

    @Test
    void latePaidNeverRevivesACancelledOrder() {
        lifecycle.apply(id, new OrderCommand.Cancel(), Change.of("key:k", "api", "changed mind"));
        var late = lifecycle.apply(id, new OrderCommand.MarkPaid(), PROVIDER);
        assertThat(late).isInstanceOf(TransitionOutcome.Refused.class);
        assertThat(((TransitionOutcome.Refused) late).reason()).contains("CANCELLED");
        assertThat(lifecycle.find(id).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(audit()).containsExactly("order.created", "order.cancelled");
    }

    @Test
    void outOfOrderCommandsNeverRegressAFullyRefundedOrder() {
        lifecycle.apply(id, new OrderCommand.MarkPaid(), PROVIDER);
        assertThat(lifecycle.apply(id, new OrderCommand.Refund(1000), PROVIDER).order().status())
                .isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
        assertThat(lifecycle.apply(id, new OrderCommand.Refund(1500), PROVIDER).order().refundedAmount()).isEqualTo(2500);
        for (OrderCommand late : List.of(new OrderCommand.MarkPaid(), new OrderCommand.Fulfil(), new OrderCommand.Cancel(),
                new OrderCommand.Expire(), new OrderCommand.Refund(1))) {
            assertThat(lifecycle.apply(id, late, PROVIDER)).isNotInstanceOf(TransitionOutcome.Applied.class);
        }
        var order = lifecycle.find(id).orElseThrow();
        assertThat(order.status()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(order.refundedAmount()).isEqualTo(2500);
        assertThat(events.of(id)).extracting(c -> c.event().type())
                .containsExactly(EventType.CREATED, EventType.PAID, EventType.REFUNDED, EventType.REFUNDED);
    }

    @Test
    void needsAttentionIsFlaggedAndClearedWithAReason() {
        var flagged = lifecycle.flagNeedsAttention(id, Change.of("system", "watch", "provider never answered"));
        assertThat(flagged.needsAttention()).isTrue();
        assertThatThrownBy(() -> lifecycle.clearNeedsAttention(id, Change.of("user:alice", "console", null)))
                .isInstanceOf(ApiException.class);
        var cleared = lifecycle.clearNeedsAttention(id, Change.of("user:alice", "console", "refunded by hand"));
        assertThat(cleared.needsAttention()).isFalse();
        assertThat(events.of(id)).extracting(c -> c.event().type())
                .containsExactly(EventType.CREATED, EventType.NEEDS_ATTENTION, EventType.REPAIRED);
        assertThat(audit()).containsExactly("order.created", "order.needs_attention", "order.repaired");
    }

    @Test
    void unknownOrderIsNotFound() {
        assertThat(lifecycle.find("ord_nope")).isEmpty();
        assertThatThrownBy(() -> lifecycle.apply("ord_nope", new OrderCommand.MarkPaid(), PROVIDER))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("not_found"));
    }

    @Test
    void hopLedgerMarksHopsAndReturnedHopsStayReturned() {
        hops.open(id, HopName.PAYMENT, clock.instant().plusSeconds(60));
        hops.failed(id, HopName.MERCHANT, clock.instant());
        var order = admin.get("/api/v1/orders/" + id).json();
        assertThat(order.path("hops")).extracting(h -> h.path("hop").asString() + "=" + h.path("state").asString())
                .containsExactly("accepted=RETURNED", "payment=PENDING", "merchant=FAILED");
        assertThat(order.path("unreturned").asBoolean()).isTrue();
        hops.returned(id, HopName.PAYMENT, clock.instant());
        hops.returned(id, HopName.MERCHANT, clock.instant());
        hops.failed(id, HopName.PAYMENT, clock.instant());
        var after = admin.get("/api/v1/orders/" + id).json();
        assertThat(after.path("hops")).extracting(h -> h.path("state").asString())
                .containsExactly("RETURNED", "RETURNED", "RETURNED");
        assertThat(after.path("unreturned").asBoolean()).isFalse();
        hops.open(id, HopName.MERCHANT, clock.instant().plusSeconds(30));
        assertThat(admin.get("/api/v1/orders/" + id).json().path("hops").get(2).path("state").asString()).isEqualTo("PENDING");
    }

    private List<String> audit() {
        return jdbc.sql("SELECT action FROM audit_entries WHERE target_id = ? ORDER BY seq").param(id).query(String.class).list();
    }
}
