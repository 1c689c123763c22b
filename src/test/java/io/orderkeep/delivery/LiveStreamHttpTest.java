package io.orderkeep.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderkeep.delivery.DeliveryFixture.Merchant;
import io.orderkeep.delivery.DeliveryTestConfig.TestOrderEvents;
import io.orderkeep.delivery.outbox.FeedSequencer;
import io.orderkeep.order.OrderEvent;
import io.orderkeep.order.domain.EventType;
import io.orderkeep.support.Api;
import io.orderkeep.support.TestDatabase;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The live stream over a real HTTP connection: scoped by merchant, and resumable with Last-Event-ID. */
@DeliveryTest
class LiveStreamHttpTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired TestOrderEvents events;
    @Autowired FeedSequencer sequencer;

    DeliveryFixture fixture;
    final List<Stream<String>> open = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new DeliveryFixture(Api.at(port), jdbc);
    }

    @AfterEach
    void closeStreams() {
        open.forEach(Stream::close);
    }

    @Test
    void aMerchantSeesItsOwnChangesAndAnOperatorSeesAll() {
        Merchant mine = fixture.merchant();
        Merchant theirs = fixture.merchant();
        String mineKey = keyOf(mine);
        List<String> merchantLines = listen(mineKey, null);
        List<String> adminLines = listen(TestDatabase.ADMIN_KEY, null);

        OrderEvent own = events.publish(mine.id(), "ord_live" + mine.id(), EventType.PAID);
        OrderEvent other = events.publish(theirs.id(), "ord_live" + theirs.id(), EventType.CREATED);

        await().atMost(Duration.ofSeconds(10)).until(() -> String.join("\n", adminLines).contains(other.eventId())
                && String.join("\n", adminLines).contains(own.eventId()));
        await().atMost(Duration.ofSeconds(10)).until(() -> String.join("\n", merchantLines).contains(own.eventId()));
        assertThat(merchantLines).contains("event:order.paid").noneMatch(line -> line.contains(other.eventId()));
        assertThat(String.join("\n", merchantLines)).doesNotContain("li.wei@example.com");
    }

    @Test
    void aClientThatReconnectsWithLastEventIdGetsWhatItMissed() {
        Merchant merchant = fixture.merchant();
        String key = keyOf(merchant);
        List<String> first = listen(key, null);
        OrderEvent seen = events.publish(merchant.id(), "ord_resume" + merchant.id(), EventType.CREATED);
        await().atMost(Duration.ofSeconds(10)).until(() -> String.join("\n", first).contains(seen.eventId()));
        String lastId = first.stream().filter(line -> line.startsWith("id:")).reduce((a, b) -> b).orElseThrow()
                .substring(3);
        open.forEach(Stream::close);

        OrderEvent missed = events.publish(merchant.id(), "ord_resume" + merchant.id(), EventType.PAID);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM delivery_events WHERE id = ? AND feed_position IS NOT NULL")
                .param(missed.eventId()).query(Long.class).single() == 1);
        List<String> again = listen(key, lastId);
        await().atMost(Duration.ofSeconds(10)).until(() -> String.join("\n", again).contains(missed.eventId()));
        assertThat(String.join("\n", again)).doesNotContain(seen.eventId());
    }

    @Test
    void aMerchantCatchingUpAfterALongGapGetsAllItsOwnChangesHoweverBusyTheOthersWere() {
        Merchant merchant = fixture.merchant();
        Merchant busy = fixture.merchant();
        String key = keyOf(merchant);
        List<String> first = listen(key, null);
        OrderEvent seen = events.publish(merchant.id(), "ord_gap" + merchant.id(), EventType.CREATED);
        await().atMost(Duration.ofSeconds(10)).until(() -> String.join("\n", first).contains(seen.eventId()));
        String lastId = first.stream().filter(line -> line.startsWith("id:")).reduce((a, b) -> b).orElseThrow()
                .substring(3);
        open.forEach(Stream::close);

        // More than one page (500) of changes in all, and of the merchant's own alone, while it was away.
        var others = new ArrayList<String>();
        for (int i = 0; i < 60; i++) {
            others.add(events.publish(busy.id(), "ord_busy" + i + busy.id(), EventType.CREATED).eventId());
        }
        var missed = new ArrayList<String>();
        for (int i = 0; i < 501; i++) {
            missed.add(events.publish(merchant.id(), "ord_gap" + i + merchant.id(), EventType.CREATED).eventId());
        }
        while (sequencer.hasWork()) {
            sequencer.sequence();
        }

        List<String> again = listen(key, lastId);
        await().atMost(Duration.ofSeconds(60)).until(() -> received(again).containsAll(missed));
        assertThat(received(again)).doesNotContain(seen.eventId()).doesNotContainAnyElementsOf(others)
                .doesNotHaveDuplicates();
    }

    /** The event ids in a stream's data lines so far. */
    private static List<String> received(List<String> lines) {
        return lines.stream().filter(line -> line.startsWith("data:"))
                .map(line -> Api.JSON.readTree(line.substring(5)).path("id").asString()).toList();
    }

    private String keyOf(Merchant merchant) {
        return Api.at(port).asAdmin().post("/api/v1/keys", java.util.Map.of("role", "merchant", "merchantId",
                merchant.id())).json().path("key").asString();
    }

    private List<String> listen(String key, String lastEventId) {
        return EventStreams.listen(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/events/stream"))
                .header("Authorization", "Bearer " + key), lastEventId, open);
    }
}
