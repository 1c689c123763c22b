package io.orderkeep.console.tracking;

import io.orderkeep.order.domain.OrderStatus;
import io.orderkeep.support.MessageBundles;
import java.util.ArrayList;
import java.util.List;
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

        MessageBundles.assertBothLanguagesHave(keys, "tracking");
    }
}
