package io.orderkeep.delivery.kafka;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Kafka sink, bound from {@code orderkeep.kafka.*}; off unless {@code enabled}.
 *
 * @param topic the topic for all events, or the prefix of the per-merchant topics
 * @param topicPerMerchant when true, each merchant's events go to {@code <topic>.<merchantId>}
 * @param producer further Kafka producer settings (e.g. {@code security.protocol}), passed as they are
 */
@ConfigurationProperties("orderkeep.kafka")
public record KafkaSinkProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("localhost:9092") String bootstrapServers,
        @DefaultValue("orderkeep.order-events") String topic,
        @DefaultValue("false") boolean topicPerMerchant,
        @DefaultValue("200") int batchSize,
        @DefaultValue("30s") Duration sendTimeout,
        @DefaultValue Map<String, String> producer) {

    public String topicFor(String merchantId) {
        return topicPerMerchant ? topic + "." + merchantId : topic;
    }
}
