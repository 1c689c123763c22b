package io.orderkeep.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.orderkeep.delivery.DeliveryFixture.Merchant;
import io.orderkeep.delivery.DeliveryTestConfig.TestOrderEvents;
import io.orderkeep.delivery.DeliveryTestConfig.RecordingHopLedger;
import io.orderkeep.delivery.outbox.FeedRetention;
import io.orderkeep.order.OrderEvent;
import io.orderkeep.order.domain.EventType;
import io.orderkeep.support.Api;
import io.orderkeep.support.MutableClock;
import io.orderkeep.support.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

@DeliveryTest
class EventFeedHttpTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired TestOrderEvents events;
    @Autowired RecordingHopLedger hops;
    @Autowired FeedRetention retention;
    @Autowired ApplicationEventPublisher publisher;
    @Autowired TransactionTemplate transactions;

    Api api;
    DeliveryFixture fixture;
    Merchant merchant;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        fixture = new DeliveryFixture(api, jdbc);
        merchant = fixture.merchant();
    }

    @Test
    void theFeedPagesThroughTheMerchantsEventsInOrder() {
        var published = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            published.add(events.publish(merchant.id(), "ord_f" + i + merchant.id(), EventType.CREATED).eventId());
        }
        events.publish(fixture.merchant().id(), "ord_someone_else", EventType.CREATED);

        JsonNode first = merchant.key().get("/api/v1/events?limit=3").json();
        assertThat(ids(first)).containsExactlyElementsOf(published.subList(0, 3));
        JsonNode event = first.path("data").get(0);
        assertThat(event.path("type").asString()).isEqualTo("order.created");
        assertThat(event.path("orderId").asString()).isEqualTo("ord_f0" + merchant.id());
        assertThat(event.path("data").path("merchantId").asString()).isEqualTo(merchant.id());

        JsonNode rest = merchant.key().get("/api/v1/events?limit=3&after=" + first.path("nextCursor").asString()).json();
        assertThat(ids(rest)).containsExactlyElementsOf(published.subList(3, 5));
        JsonNode none = merchant.key().get("/api/v1/events?after=" + rest.path("nextCursor").asString()).json();
        assertThat(none.path("data")).isEmpty();
        assertThat(none.path("nextCursor").asString()).isEqualTo(rest.path("nextCursor").asString());
    }

    @Test
    void othersNameTheMerchantAndAMerchantSeesOnlyItsOwn() {
        Merchant other = fixture.merchant();
        events.publish(other.id(), "ord_theirs" + other.id(), EventType.CREATED);
        assertThat(merchant.key().get("/api/v1/events").json().path("data")).isEmpty();
        assertThat(merchant.key().get("/api/v1/events?merchantId=" + other.id()).code()).isEqualTo("not_found");
        assertThat(api.asAdmin().get("/api/v1/events").code()).isEqualTo("validation_failed");
        assertThat(api.asAdmin().get("/api/v1/events?merchantId=" + other.id()).json().path("data")).hasSize(1);
        assertThat(merchant.key().get("/api/v1/events?after=not-a-cursor!").code()).isEqualTo("validation_failed");
    }

    @Test
    void readingPastAnOrdersLatestEventReturnsItsMerchantHop() {
        String order = "ord_ack" + merchant.id();
        events.publish(merchant.id(), order, EventType.CREATED);
        events.publish(merchant.id(), order, EventType.PAID);
        JsonNode page = merchant.key().get("/api/v1/events?limit=1").json();
        merchant.key().get("/api/v1/events?after=" + page.path("nextCursor").asString());
        assertThat(hops.states(order)).as("only the first event was read past").doesNotContain("RETURNED");

        String end = merchant.key().get("/api/v1/events").json().path("nextCursor").asString();
        api.asAdmin().get("/api/v1/events?merchantId=" + merchant.id() + "&after=" + end);
        assertThat(hops.states(order)).as("an operator's read is not the merchant's").doesNotContain("RETURNED");
        merchant.key().get("/api/v1/events?after=" + end);
        assertThat(hops.states(order)).endsWith("RETURNED");
    }

    @Test
    void eventsPastTheRetentionAreCleanedUp() {
        events.publish(merchant.id(), "ord_old" + merchant.id(), EventType.CREATED);
        merchant.key().get("/api/v1/events");
        clock.advance(Duration.ofDays(29));
        String young = events.publish(merchant.id(), "ord_young" + merchant.id(), EventType.CREATED).eventId();
        merchant.key().get("/api/v1/events");
        clock.advance(Duration.ofDays(2));
        while (retention.cleanUp() > 0) {
            assertThat(merchant.key().get("/api/v1/events").status()).isEqualTo(200);
        }
        assertThat(ids(merchant.key().get("/api/v1/events").json()))
                .containsExactly(young);
    }

    /**
     * The reason the feed is not ordered by insertion: an event whose transaction commits late must still reach a
     * reader that already read past events committed meanwhile. Only PostgreSQL lets two writers overlap.
     */
    @Test
    void anEventCommittedLateStillComesAfterTheReadersCursor() throws Exception {
        assumeTrue(TestDatabase.postgres(), "SQLite has one writer at a time");
        OrderEvent late = events.event(merchant.id(), "ord_late" + merchant.id(), EventType.CREATED);
        var inserted = new CountDownLatch(1);
        var commit = new CountDownLatch(1);
        var lateWriter = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            publisher.publishEvent(late);
            inserted.countDown();
            await(commit);
        }));
        assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();
        String early = events.publish(merchant.id(), "ord_early" + merchant.id(), EventType.CREATED).eventId();
        JsonNode read = merchant.key().get("/api/v1/events").json();
        assertThat(ids(read)).containsExactly(early);

        commit.countDown();
        lateWriter.get(10, TimeUnit.SECONDS);
        JsonNode next = merchant.key().get("/api/v1/events?after=" + read.path("nextCursor").asString()).json();
        assertThat(ids(next)).containsExactly(late.eventId());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }


    private static java.util.List<String> ids(JsonNode page) {
        var ids = new java.util.ArrayList<String>();
        page.path("data").forEach(event -> ids.add(event.path("id").asString()));
        return ids;
    }
}
