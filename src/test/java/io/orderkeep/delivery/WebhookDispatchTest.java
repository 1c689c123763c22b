package io.orderkeep.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderkeep.delivery.DeliveryFixture.Endpoint;
import io.orderkeep.delivery.DeliveryFixture.Merchant;
import io.orderkeep.delivery.DeliveryTestConfig.TestOrderEvents;
import io.orderkeep.delivery.DeliveryTestConfig.RecordingHopLedger;
import io.orderkeep.delivery.Receiver.Reply;
import io.orderkeep.delivery.webhook.Dispatcher;
import io.orderkeep.order.OrderEvent;
import io.orderkeep.order.domain.EventType;
import io.orderkeep.support.Api;
import io.orderkeep.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@DeliveryTest
class WebhookDispatchTest {

    static final List<Duration> SCHEDULE = List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
            Duration.ofHours(14), Duration.ofHours(20), Duration.ofHours(24));

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

    Endpoint endpoint(String path) {
        Endpoint endpoint = fixture.endpoint(merchant, receiver.url(path), List.of("*"));
        receiver.secrets(path, endpoint.secret());
        return endpoint;
    }

    @Test
    void everyEventArrivesSignedAndInOrderPerOrderDespiteFailures() {
        String path = "/in-order/" + merchant.id();
        endpoint(path);
        receiver.script(path, Reply.status(500), Reply.status(500), Reply.retryAfter(429, 1), Reply.status(503),
                Reply.status(500));
        var published = new ArrayList<OrderEvent>();
        for (EventType type : List.of(EventType.CREATED, EventType.PAID, EventType.FULFILLED)) {
            for (String order : List.of("ord_A", "ord_B", "ord_C")) {
                published.add(events.publish(merchant.id(), order + merchant.id(), type));
            }
        }
        for (int pass = 0; pass < 30 && undelivered(merchant.id()) > 0; pass++) {
            dispatcher.runOnce();
            clock.advance(Duration.ofHours(1));
        }
        assertThat(undelivered(merchant.id())).isZero();
        var got = receiver.at(path);
        assertThat(got).allMatch(Receiver.Received::verified);
        assertThat(got).extracting(Receiver.Received::id)
                .containsAll(published.stream().map(OrderEvent::eventId).toList());
        for (String order : List.of("ord_A", "ord_B", "ord_C")) {
            List<String> sent = published.stream().filter(e -> e.orderId().equals(order + merchant.id()))
                    .map(OrderEvent::eventId).toList();
            List<Integer> arrivals = got.stream().map(r -> sent.indexOf(r.id())).filter(i -> i >= 0).toList();
            assertThat(arrivals).as("events of %s in arrival order", order).isSorted();
        }
        JsonNode body = Api.JSON.readTree(got.getLast().body());
        assertThat(body.path("type").asString()).startsWith("order.");
        assertThat(body.path("data").path("merchantId").asString()).isEqualTo(merchant.id());
    }

    @Test
    void backoffFollowsTheScheduleThenTheDeliveryIsDead() {
        String path = "/backoff/" + merchant.id();
        Endpoint endpoint = endpoint(path);
        for (int i = 0; i < SCHEDULE.size(); i++) {
            receiver.script(path, Reply.status(500));
        }
        OrderEvent event = events.publish(merchant.id(), "ord_backoff" + merchant.id(), EventType.PAID);
        assertThat(dispatcher.runOnce()).isEqualTo(1);
        Instant failedAt = clock.instant();
        for (int attempt = 2; attempt <= SCHEDULE.size(); attempt++) {
            Duration delay = SCHEDULE.get(attempt - 1);
            clock.set(failedAt.plus(delay).minusMillis(1));
            assertThat(dispatcher.runOnce()).as("attempt %d before its delay of %s", attempt, delay).isZero();
            clock.set(failedAt.plus(delay).plus(delay.dividedBy(10)).plusMillis(1));
            assertThat(dispatcher.runOnce()).as("attempt %d after its delay (with jitter)", attempt).isEqualTo(1);
            failedAt = clock.instant();
        }
        clock.advance(Duration.ofDays(3));
        assertThat(dispatcher.runOnce()).isZero();
        assertThat(receiver.at(path)).hasSize(SCHEDULE.size())
                .allMatch(r -> r.id().equals(event.eventId()) && r.verified());

        var listed = merchant.key().get("/api/v1/deliveries?endpointId=" + endpoint.id() + "&status=DEAD").json();
        JsonNode delivery = listed.path("data").get(0);
        assertThat(delivery.path("id").asString()).startsWith("dlv_");
        assertThat(delivery.path("eventId").asString()).isEqualTo(event.eventId());
        assertThat(delivery.path("attempts")).hasSize(SCHEDULE.size());
        JsonNode first = delivery.path("attempts").get(0);
        assertThat(first.path("statusCode").asInt()).isEqualTo(500);
        assertThat(first.path("responseBody").asString()).isEqualTo("{\"answer\":500}");
        assertThat(first.has("latencyMs")).isTrue();
        assertThat(first.path("at").asString()).isNotEmpty();
        assertThat(hops.states(event.orderId())).containsExactly("PENDING", "FAILED");
    }

    @Test
    void retryAfterIsHonouredOn429And503() {
        String path = "/retry-after/" + merchant.id();
        endpoint(path);
        receiver.script(path, Reply.retryAfter(429, 120), Reply.retryAfter(503, 600));
        OrderEvent event = events.publish(merchant.id(), "ord_ra" + merchant.id(), EventType.PAID);
        dispatcher.runOnce();
        clock.advance(Duration.ofSeconds(119));
        assertThat(dispatcher.runOnce()).as("the schedule's 5 s step gives way to Retry-After: 120").isZero();
        clock.advance(Duration.ofSeconds(2));
        assertThat(dispatcher.runOnce()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(599));
        assertThat(dispatcher.runOnce()).isZero();
        clock.advance(Duration.ofSeconds(2));
        assertThat(dispatcher.runOnce()).isEqualTo(1);
        assertThat(receiver.at(path)).hasSize(3).allMatch(r -> r.id().equals(event.eventId()) && r.verified());
        assertThat(fixture.deliveryStatus(event.eventId(), endpointOf(path))).isEqualTo("DELIVERED");
    }

    @Test
    void anAttemptWithoutAnAnswerInTimeIsRetried() {
        String path = "/timeout/" + merchant.id();
        Endpoint endpoint = endpoint(path);
        var release = new CountDownLatch(1);
        receiver.script(path, Reply.heldUntil(release));
        OrderEvent event = events.publish(merchant.id(), "ord_to" + merchant.id(), EventType.PAID);
        dispatcher.runOnce();
        release.countDown();
        JsonNode attempt = delivery(endpoint).path("attempts").get(0);
        assertThat(attempt.path("statusCode").isNull()).isTrue();
        assertThat(attempt.path("error").asString()).isNotEmpty();
        assertThat(fixture.deliveryStatus(event.eventId(), endpoint.id())).isEqualTo("RETRYING");
        clock.advance(Duration.ofSeconds(6));
        dispatcher.runOnce();
        assertThat(fixture.deliveryStatus(event.eventId(), endpoint.id())).isEqualTo("DELIVERED");
        assertThat(receiver.at(path)).hasSize(2).allMatch(r -> r.id().equals(event.eventId()) && r.verified());
    }

    @Test
    void goneDisablesTheEndpointSaysSoAndStopsTheSends() {
        String path = "/gone/" + merchant.id();
        Endpoint endpoint = endpoint(path);
        receiver.script(path, Reply.status(410));
        OrderEvent first = events.publish(merchant.id(), "ord_gone" + merchant.id(), EventType.CREATED);
        dispatcher.runOnce();
        assertThat(fixture.deliveryStatus(first.eventId(), endpoint.id())).isEqualTo("DEAD");

        JsonNode shown = merchant.key().get("/api/v1/webhook-endpoints/" + endpoint.id()).json();
        assertThat(shown.path("status").asString()).isEqualTo("disabled");
        assertThat(shown.path("disabledReason").asString()).contains("410");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entries WHERE action = 'webhook_endpoint.disabled' AND target_id = ?")
                .param(endpoint.id()).query(Long.class).single()).isEqualTo(1);

        events.publish(merchant.id(), "ord_gone" + merchant.id(), EventType.PAID);
        clock.advance(Duration.ofHours(1));
        dispatcher.runOnce();
        assertThat(receiver.at(path)).hasSize(1).allMatch(Receiver.Received::verified);
        String deliveryId = fixture.deliveryId(first.eventId(), endpoint.id());
        assertThat(merchant.key().post("/api/v1/deliveries/" + deliveryId + "/replay").code())
                .isEqualTo("endpoint_disabled");
    }

    @Test
    void replayResendsWithTheSameWebhookId() {
        String path = "/replay/" + merchant.id();
        Endpoint endpoint = endpoint(path);
        OrderEvent event = events.publish(merchant.id(), "ord_replay" + merchant.id(), EventType.PAID);
        dispatcher.runOnce();
        String deliveryId = fixture.deliveryId(event.eventId(), endpoint.id());
        assertThat(fixture.merchant().key().post("/api/v1/deliveries/" + deliveryId + "/replay").status())
                .as("another merchant's delivery").isEqualTo(404);

        var replayed = merchant.key().post("/api/v1/deliveries/" + deliveryId + "/replay");
        assertThat(replayed.status()).isEqualTo(202);
        assertThat(replayed.json().path("status").asString()).isEqualTo("PENDING");
        dispatcher.runOnce();
        assertThat(receiver.at(path)).hasSize(2).allMatch(r -> r.id().equals(event.eventId()) && r.verified());
        JsonNode delivery = delivery(endpoint);
        assertThat(delivery.path("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivery.path("attempts")).hasSize(2);
    }

    @Test
    void aSlowEndpointDoesNotDelayAnother() {
        String slowPath = "/slow/" + merchant.id();
        String fastPath = "/fast/" + merchant.id();
        Endpoint slow = endpoint(slowPath);
        Endpoint fast = endpoint(fastPath);
        var release = new CountDownLatch(1);
        receiver.script(slowPath, Reply.heldUntil(release));
        OrderEvent event = events.publish(merchant.id(), "ord_slow" + merchant.id(), EventType.PAID);
        try {
            dispatcher.startDue();
            // Generous: the bound only stops a hung test; a loaded machine may be slow to send either.
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> fixture.deliveryStatus(event.eventId(), fast.id()).equals("DELIVERED"));
            assertThat(receiver.at(slowPath)).hasSize(1);
            // The slow endpoint has not answered (its answer is held): PENDING while its send is out, RETRYING once
            // the tests' 1 s attempt timeout gave up on it; never delivered.
            assertThat(fixture.deliveryStatus(event.eventId(), slow.id())).isIn("PENDING", "RETRYING");
        } finally {
            release.countDown();
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !fixture.deliveryStatus(event.eventId(), slow.id()).equals("PENDING"));
    }

    @Test
    void aStuckEndpointHoldsNoMoreThanItsShareOfSendsAndTheOthersAllGo() {
        String stuckPath = "/stuck/" + merchant.id();
        String fastPath = "/unstuck/" + merchant.id();
        Endpoint stuck = fixture.endpoint(merchant, receiver.url(stuckPath), List.of("order.created"));
        receiver.secrets(stuckPath, stuck.secret());
        Endpoint fast = fixture.endpoint(merchant, receiver.url(fastPath), List.of("order.paid"));
        receiver.secrets(fastPath, fast.secret());
        int perEndpoint = 16;
        var release = new CountDownLatch(1);
        var stuckEvents = new ArrayList<OrderEvent>();
        var fastEvents = new ArrayList<OrderEvent>();
        // More than its share: the stuck endpoint alone has more due than one batch may send to it.
        for (int order = 0; order < 3 * perEndpoint; order++) {
            receiver.script(stuckPath, Reply.heldUntil(release));
            stuckEvents.add(events.publish(merchant.id(), "ord_stuck" + order + merchant.id(), EventType.CREATED));
        }
        for (int order = 0; order < 20; order++) {
            fastEvents.add(events.publish(merchant.id(), "ord_unstuck" + order + merchant.id(), EventType.PAID));
        }
        // Sends in flight to the stuck endpoint: claimed (leased) and not yet recorded. Sampled around every pass.
        var mostInFlight = new AtomicLong();
        Runnable sample = () -> mostInFlight.accumulateAndGet(jdbc.sql(
                "SELECT COUNT(*) FROM webhook_deliveries WHERE endpoint_id = ? AND lease_owner IS NOT NULL")
                .param(stuck.id()).query(Long.class).single(), Math::max);
        try {
            // A pass each time the condition is polled, as the timer would make; generous bound for a loaded machine.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
                dispatcher.startDue();
                sample.run();
                return fastEvents.stream()
                        .allMatch(e -> fixture.deliveryStatus(e.eventId(), fast.id()).equals("DELIVERED"));
            });
            assertThat(receiver.at(fastPath)).hasSize(fastEvents.size()).allMatch(Receiver.Received::verified);
            assertThat(mostInFlight.get()).as("the stuck endpoint's sends in flight at once").isBetween(1L,
                    (long) perEndpoint);
            assertThat(stuckEvents.stream().filter(e -> fixture.deliveryStatus(e.eventId(), stuck.id()).equals("DELIVERED")))
                    .as("the stuck endpoint took nothing").isEmpty();
        } finally {
            release.countDown();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM webhook_deliveries WHERE endpoint_id = ? AND lease_owner IS NOT NULL")
                .param(stuck.id()).query(Long.class).single() == 0);
    }

    @Test
    void anAttemptKeepsOnlyTheFirstKibOfALongAnswer() {
        String path = "/long-answer/" + merchant.id();
        Endpoint endpoint = endpoint(path);
        String answer = "x".repeat(1000) + "y".repeat(2000);
        receiver.script(path, Reply.withBody(500, answer));
        events.publish(merchant.id(), "ord_long" + merchant.id(), EventType.PAID);
        dispatcher.runOnce();
        JsonNode attempt = delivery(endpoint).path("attempts").get(0);
        assertThat(attempt.path("statusCode").asInt()).isEqualTo(500);
        assertThat(attempt.path("responseBody").asString()).isEqualTo(answer.substring(0, 1024));
        assertThat(receiver.at(path)).hasSize(1).allMatch(Receiver.Received::verified);
    }

    @Test
    void anAnswerWithANulByteOrBrokenUtf8IsRecordedOnceAndNotSentAgain() {
        String path = "/nul-answer/" + merchant.id();
        Endpoint endpoint = endpoint(path);
        byte[] answer = {'o', 'k', 0, (byte) 0xC3, '(', 'e', 'n', 'd'};
        receiver.script(path, Reply.withBytes(200, answer));
        OrderEvent event = events.publish(merchant.id(), "ord_nul" + merchant.id(), EventType.PAID);
        dispatcher.runOnce();
        assertThat(fixture.deliveryStatus(event.eventId(), endpoint.id())).isEqualTo("DELIVERED");
        JsonNode attempt = delivery(endpoint).path("attempts").get(0);
        assertThat(attempt.path("responseBody").asString()).isEqualTo("ok\uFFFD\uFFFD(end");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entries WHERE action = 'webhook_delivery.attempted' AND target_id = ?")
                .param(fixture.deliveryId(event.eventId(), endpoint.id())).query(Long.class).single()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(5));
        dispatcher.runOnce();
        assertThat(receiver.at(path)).hasSize(1).allMatch(Receiver.Received::verified);
    }

    @Test
    void aBacklogOfManyBatchesIsClaimedInOneTimerPass() {
        String path = "/backlog/" + merchant.id();
        endpoint(path);
        var published = new ArrayList<OrderEvent>();
        for (int order = 0; order < 130; order++) {
            published.add(events.publish(merchant.id(), "ord_backlog" + order + merchant.id(), EventType.CREATED));
        }
        assertThat(dispatcher.dispatchFor(Duration.ofSeconds(20))).as("more than two batches of 50 in one pass")
                .isEqualTo(published.size());
        // The sends are under way; on a loaded machine some may miss the tests' 1 s attempt timeout and wait for
        // their retry, which moving the clock brings.
        for (int pass = 0; pass < 30 && undelivered(merchant.id()) > 0; pass++) {
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                    "SELECT COUNT(*) FROM webhook_deliveries WHERE merchant_id = ? AND lease_owner IS NOT NULL")
                    .param(merchant.id()).query(Long.class).single() == 0);
            clock.advance(Duration.ofMinutes(10));
            dispatcher.runOnce();
        }
        assertThat(undelivered(merchant.id())).isZero();
        assertThat(receiver.at(path)).allMatch(Receiver.Received::verified).extracting(Receiver.Received::id)
                .containsAll(published.stream().map(OrderEvent::eventId).toList());
    }

    private String endpointOf(String path) {
        return jdbc.sql("SELECT id FROM webhook_endpoints WHERE url = ?").param(receiver.url(path))
                .query(String.class).single();
    }

    private JsonNode delivery(Endpoint endpoint) {
        return merchant.key().get("/api/v1/deliveries?endpointId=" + endpoint.id()).json().path("data").get(0);
    }

    private long undelivered(String merchantId) {
        return jdbc.sql("SELECT COUNT(*) FROM webhook_deliveries WHERE merchant_id = ? AND status <> 'DELIVERED'")
                .param(merchantId).query(Long.class).single();
    }
}
