package io.orderkeep.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.orderkeep.delivery.DeliveryFixture.Merchant;
import io.orderkeep.delivery.DeliveryTestConfig.TestOrderEvents;
import io.orderkeep.delivery.kafka.KafkaSink;
import io.orderkeep.order.OrderEvent;
import io.orderkeep.order.domain.EventType;
import io.orderkeep.support.Api;
import io.orderkeep.support.DatabaseTest;
import io.orderkeep.support.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The Kafka sink against a real (embedded, KRaft) broker: key, header, body, order, one topic per merchant, and at
 * least once through a time the broker refuses the sends.
 */
@DatabaseTest
@Import({MutableClock.Config.class, DeliveryTestConfig.class})
@TestPropertySource(properties = {
        "orderkeep.delivery.dispatcher-enabled=false",
        "orderkeep.kafka.enabled=true",
        "orderkeep.kafka.topic=orderkeep.test",
        "orderkeep.kafka.topic-per-merchant=true",
        // a refused batch fails in seconds rather than the default 30 s
        "orderkeep.kafka.send-timeout=4s",
        "orderkeep.db.pool-size=4"})
class KafkaSinkTest {

    static final EmbeddedKafkaKraftBroker BROKER = new EmbeddedKafkaKraftBroker(1, 1);

    static {
        BROKER.afterPropertiesSet();
    }

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("orderkeep.kafka.bootstrap-servers", BROKER::getBrokersAsString);
    }

    @AfterAll
    static void stopBroker() {
        BROKER.destroy();
    }

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired TestOrderEvents events;
    @Autowired KafkaSink sink;

    @Test
    void everyEventReachesItsMerchantsTopicKeyedByOrderInFeedOrder() {
        Merchant merchant = new DeliveryFixture(Api.at(port), jdbc).merchant();
        var published = new ArrayList<OrderEvent>();
        for (EventType type : List.of(EventType.CREATED, EventType.PAID, EventType.FULFILLED)) {
            for (String order : List.of("ord_k1", "ord_k2")) {
                published.add(events.publish(merchant.id(), order + merchant.id(), type));
            }
        }
        assertThat(drain()).as("events handed to Kafka, earlier tests' included").isGreaterThanOrEqualTo(published.size());

        List<ConsumerRecord<String, String>> got = consume("orderkeep.test." + merchant.id(), published.size());
        assertThat(got).extracting(r -> header(r, "event-id"))
                .containsExactlyInAnyOrderElementsOf(published.stream().map(OrderEvent::eventId).toList());
        for (String order : List.of("ord_k1", "ord_k2")) {
            String orderId = order + merchant.id();
            assertThat(got.stream().filter(r -> r.key().equals(orderId)).map(r -> header(r, "event-id")).toList())
                    .as("one order's events in one partition, in order")
                    .containsExactlyElementsOf(published.stream().filter(e -> e.orderId().equals(orderId))
                            .map(OrderEvent::eventId).toList());
        }
        JsonNode body = Api.JSON.readTree(got.getFirst().value());
        assertThat(body.path("type").asString()).isEqualTo(header(got.getFirst(), "event-type"));
        assertThat(body.path("data").path("merchantId").asString()).isEqualTo(merchant.id());
        assertThat(sink.runOnce()).as("nothing is sent twice once acknowledged").isZero();
    }

    /**
     * A real refusal by the broker, not a stand-in: the merchant's topic takes no record bigger than a few bytes, so
     * the broker refuses every send until the topic is relaxed. Nothing is lost meanwhile: the sink's
     * position stays put, and once Kafka takes the events again every one of them arrives (at least once).
     */
    @Test
    void eventsKafkaRefusesForAWhileAllArriveOnceItTakesThemAgain() throws Exception {
        drain();
        Merchant merchant = new DeliveryFixture(Api.at(port), jdbc).merchant();
        String topic = "orderkeep.test." + merchant.id();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.getBrokersAsString()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                    .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "16")))).all().get();
            var published = new ArrayList<OrderEvent>();
            for (EventType type : List.of(EventType.CREATED, EventType.PAID)) {
                for (String order : List.of("ord_r1", "ord_r2", "ord_r3")) {
                    published.add(events.publish(merchant.id(), order + merchant.id(), type));
                }
            }
            long before = sinkPosition();
            assertThatThrownBy(sink::runOnce).hasMessageContaining("did not acknowledge");
            assertThatThrownBy(sink::runOnce).hasMessageContaining("did not acknowledge");
            assertThat(sinkPosition()).as("the position waits for Kafka").isEqualTo(before);

            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic),
                    List.of(new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "1048588"),
                            AlterConfigOp.OpType.SET)))).all().get();
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> sink.runOnce() > 0);
            drain();
            assertThat(sinkPosition()).isGreaterThan(before);

            List<ConsumerRecord<String, String>> got = consume(topic, published.size());
            assertThat(got).extracting(r -> header(r, "event-id"))
                    .containsAll(published.stream().map(OrderEvent::eventId).toList());
            for (var record : got) {
                var event = published.stream().filter(e -> e.eventId().equals(header(record, "event-id"))).findFirst()
                        .orElseThrow();
                assertThat(record.key()).as("keyed by the order").isEqualTo(event.orderId());
            }
        }
    }

    /** Runs the sink until it has nothing left; answers how many events it handed over. */
    private int drain() {
        int sent = 0;
        for (int n; (n = sink.runOnce()) > 0; ) {
            sent += n;
        }
        return sent;
    }

    private long sinkPosition() {
        return jdbc.sql("SELECT position FROM delivery_sink_positions WHERE sink = 'kafka'").query(Long.class).single();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static List<ConsumerRecord<String, String>> consume(String topic, int expected) {
        var got = new ArrayList<ConsumerRecord<String, String>>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(got::add);
                return got.size() >= expected;
            });
        }
        return got;
    }
}
