package io.orderkeep.console.ops;

import io.orderkeep.delivery.Deliveries;
import io.orderkeep.delivery.FailureRate;
import io.orderkeep.delivery.webhook.WebhookEndpoint;
import io.orderkeep.platform.Caller;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /console/endpoints}: every webhook endpoint with its state and its failure rate over the last 24 hours
 * (attempts without a 2xx over all attempts). Disabled endpoints come first: they get nothing until someone acts.
 */
@Controller
class EndpointsPage {

    static final Duration WINDOW = Duration.ofHours(24);

    private final Deliveries deliveries;
    private final Clock clock;

    EndpointsPage(Deliveries deliveries, Clock clock) {
        this.deliveries = deliveries;
        this.clock = clock;
    }

    record Row(WebhookEndpoint endpoint, FailureRate recent) {
        public boolean disabled() {
            return !"enabled".equals(endpoint.status());
        }

        /** The rate as a whole percentage, for the page. */
        public long percent() {
            return Math.round(recent.rate() * 100);
        }
    }

    @GetMapping("/console/endpoints")
    String list(Caller caller, Model model) {
        var rates = deliveries.failureRates(clock.instant().minus(WINDOW));
        List<Row> rows = deliveries.endpoints(caller).stream()
                .map(e -> new Row(e, rates.getOrDefault(e.id(), FailureRate.NONE)))
                .sorted(Comparator.comparing((Row r) -> !r.disabled()).thenComparing(r -> -r.recent().rate()))
                .toList();
        model.addAttribute("rows", rows);
        return "console/endpoints";
    }
}
