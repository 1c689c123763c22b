package io.orderkeep.console.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.order.domain.OrderStatus;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Every message the tracking page can ask for exists in both languages, including those whose key is built from a
 * value (status, situation, step state) and so would show up in a browser test only for the states it visits.
 */
class TrackingMessagesTest {

    @Test
    void everyKeyThePageBuildsExistsInEnglishAndChinese() {
        var keys = new ArrayList<String>();
        for (OrderStatus status : OrderStatus.values()) {
            keys.add("tracking.status." + status.name());
        }
        for (Situation situation : Situation.values()) {
            keys.add("tracking.situation." + situation.key() + ".title");
            keys.add("tracking.situation." + situation.key() + ".text");
        }
        for (Step.State state : Step.State.values()) {
            keys.add("tracking.step-state." + state.key());
        }
        keys.addAll(List.of("tracking.step.received", "tracking.step.payment", "tracking.step.shop"));

        Properties english = bundle("en");
        Properties chinese = bundle("zh_CN");
        assertThat(english.stringPropertyNames()).containsAll(keys);
        assertThat(chinese.stringPropertyNames()).containsAll(keys);
        assertThat(chinese.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
    }

    private static Properties bundle(String locale) {
        var properties = new Properties();
        try (var in = TrackingMessagesTest.class.getResourceAsStream("/i18n/tracking_" + locale + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
