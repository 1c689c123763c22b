package io.orderkeep.delivery;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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

/** The Kafka sink against a real (embedded, KRaft) broker: key, header, body, order, one topic per merchant. */
@DatabaseTest
@Import({MutableClock.Config.class, DeliveryTestConfig.class})
@TestPropertySource(properties = {
        "orderkeep.delivery.dispatcher-enabled=false",
        "orderkeep.kafka.enabled=true",
        "orderkeep.kafka.topic=orderkeep.test",
        "orderkeep.kafka.topic-per-merchant=true"})
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
        while (sink.runOnce() > 0) {
            assertThat(published).isNotEmpty();
        }

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
