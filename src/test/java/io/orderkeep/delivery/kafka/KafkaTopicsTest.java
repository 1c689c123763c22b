package io.orderkeep.delivery.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Topic naming of the Kafka sink: one topic for all merchants by default, or one per merchant. The per-merchant
 * case is also proven against a real broker in {@code KafkaSinkTest}.
 */
class KafkaTopicsTest {

    @Test
    void oneTopicForAllUnlessPerMerchant() {
        assertThat(settings(false).topicFor("m_tea")).isEqualTo("orderkeep.order-events");
        assertThat(settings(false).topicFor("m_coffee")).isEqualTo("orderkeep.order-events");
        assertThat(settings(true).topicFor("m_tea")).isEqualTo("orderkeep.order-events.m_tea");
    }

    private static KafkaSinkProperties settings(boolean perMerchant) {
        return new KafkaSinkProperties(true, "localhost:9092", "orderkeep.order-events", perMerchant, 200,
                Duration.ofSeconds(30), Map.of());
    }
}
