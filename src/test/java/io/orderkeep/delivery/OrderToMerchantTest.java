package io.orderkeep.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.delivery.DeliveryFixture.Merchant;
import io.orderkeep.delivery.DeliveryTestConfig.RecordingHopLedger;
import io.orderkeep.delivery.webhook.Dispatcher;
import io.orderkeep.order.OrderFixtures;
import io.orderkeep.order.domain.HopName;
import io.orderkeep.support.Api;
import io.orderkeep.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** From the orders API to the merchant's receiver and feed, with the order's merchant hop in the real ledger. */
@DeliveryTest
class OrderToMerchantTest {

    static Receiver receiver;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Dispatcher dispatcher;
    @Autowired MutableClock clock;
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
    void anOrderAndItsCancellationReachTheMerchantSignedInOrderAndReturnTheHop() {
        String path = "/orders/" + merchant.id();
        var endpoint = fixture.endpoint(merchant, receiver.url(path), List.of("*"));
        receiver.secrets(path, endpoint.secret());
        String orderId = OrderFixtures.created(merchant.key(), OrderFixtures.order(merchant.id()));
        assertThat(hop(orderId).path("state").asString()).isEqualTo("PENDING");
        assertThat(merchant.key().post("/api/v1/orders/" + orderId + "/cancel", Map.of("reason", "changed mind"))
                .status()).isEqualTo(200);

        dispatcher.runOnce();
        dispatcher.runOnce();

        var got = receiver.at(path);
        assertThat(got).hasSize(2).allMatch(Receiver.Received::verified);
        JsonNode created = Api.JSON.readTree(got.get(0).body());
        JsonNode cancelled = Api.JSON.readTree(got.get(1).body());
        assertThat(created.path("type").asString()).isEqualTo("order.created");
        assertThat(created.path("data").path("id").asString()).isEqualTo(orderId);
        assertThat(created.path("data").path("totalAmount").asLong()).isEqualTo(2500);
        assertThat(cancelled.path("type").asString()).isEqualTo("order.cancelled");
        assertThat(cancelled.path("data").path("status").asString()).isEqualTo("CANCELLED");
        assertThat(hop(orderId).path("state").asString()).isEqualTo("RETURNED");

        JsonNode feed = merchant.key().get("/api/v1/events").json().path("data");
        assertThat(feed).hasSize(2);
        assertThat(feed.get(0).path("id").asString()).isEqualTo(got.get(0).id());
        assertThat(feed.get(1).path("id").asString()).isEqualTo(got.get(1).id());
    }

    @Test
    void anOrderOfAMerchantWithoutEndpointsSkipsTheMerchantHop() {
        String orderId = OrderFixtures.created(merchant.key(), OrderFixtures.order(merchant.id()));
        assertThat(hop(orderId).path("state").asString()).isEqualTo("SKIPPED");
        assertThat(merchant.key().get("/api/v1/events").json().path("data")).hasSize(1);
    }

    @Test
    void aMerchantHopStillWaitingForAFailingEndpointAtItsDueTimeMakesTheOrderUnreturned() {
        String path = "/failing/" + merchant.id();
        var endpoint = fixture.endpoint(merchant, receiver.url(path), List.of("*"));
        try {
            merchantHopGoesOverdue(path);
        } finally {
            // The order lives on (its payment expires later): its next events must not wait for this endpoint in
            // other tests' dispatch passes.
            assertThat(merchant.key().delete("/api/v1/webhook-endpoints/" + endpoint.id()).status()).isEqualTo(204);
        }
    }

    private void merchantHopGoesOverdue(String path) {
        for (int i = 0; i < 10; i++) {
            receiver.script(path, Receiver.Reply.status(500));
        }
        String orderId = OrderFixtures.created(merchant.key(), OrderFixtures.order(merchant.id()));
        // Only the merchant hop is under test: the payment's own hop is taken out of the picture.
        hops.returned(orderId, HopName.PAYMENT, clock.instant());
        dispatcher.runOnce();
        JsonNode before = merchant.key().get("/api/v1/orders/" + orderId).json();
        assertThat(before.path("unreturned").asBoolean()).isFalse();
        Instant due = Instant.parse(hop(orderId).path("dueAt").asString());
        assertThat(due).isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)
                .plus(Duration.ofHours(1)));

        clock.set(due.minusSeconds(1));
        dispatcher.runOnce();
        assertThat(merchant.key().get("/api/v1/orders/" + orderId).json().path("unreturned").asBoolean())
                .as("not yet due").isFalse();

        clock.set(due.plusSeconds(1));
        dispatcher.runOnce();
        assertThat(receiver.at(path)).hasSizeGreaterThanOrEqualTo(2).allMatch(r -> r.answered() == 500);
        JsonNode after = merchant.key().get("/api/v1/orders/" + orderId).json();
        assertThat(after.path("unreturned").asBoolean()).isTrue();
        assertThat(hop(orderId).path("state").asString()).as("overdue: pending past its due time").isEqualTo("OVERDUE");
        assertThat(hop(orderId).path("returnedAt").isNull()).isTrue();
        assertThat(merchant.key().get("/api/v1/orders?unreturned=true").json().path("data"))
                .extracting(order -> order.path("id").asString()).contains(orderId);
    }

    private JsonNode hop(String orderId) {
        for (JsonNode hop : merchant.key().get("/api/v1/orders/" + orderId).json().path("hops")) {
            if (hop.path("hop").asString().equals("merchant")) {
                return hop;
            }
        }
        throw new AssertionError("the order has no merchant hop");
    }
}
