package io.orderkeep.ops.web;

import io.orderkeep.payment.NotificationLag;
import io.orderkeep.payment.NotificationLags;
import io.orderkeep.payment.PaymentProvider;
import io.orderkeep.platform.ApiException;
import io.orderkeep.platform.Caller;
import io.orderkeep.platform.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/ops/notification-lag?window=PT1H}: per provider, how late its notifications arrived over the
 * last {@code window} (1 minute to 7 days, default 1 hour) — count, p50, p99 and max in seconds, from the stored
 * notifications, so every instance answers the same. Every configured provider is listed, with a count of 0 and
 * null figures when none arrived. For the console's dashboard; Prometheus has the same figure as a histogram.
 */
@RestController
class NotificationLagController {

    private static final Duration MIN_WINDOW = Duration.ofMinutes(1);
    private static final Duration MAX_WINDOW = Duration.ofDays(7);

    private final NotificationLags lags;
    private final List<PaymentProvider> providers;
    private final Clock clock;

    NotificationLagController(NotificationLags lags, List<PaymentProvider> providers, Clock clock) {
        this.lags = lags;
        this.providers = providers;
        this.clock = clock;
    }

    @GetMapping("/api/v1/ops/notification-lag")
    Map<String, Object> lag(Caller caller, @RequestParam(defaultValue = "PT1H") String window) {
        caller.require(Role.ADMIN, Role.OPERATOR, Role.AUDITOR);
        Duration span = window(window);
        Instant to = clock.instant();
        Instant from = to.minus(span);
        Map<String, NotificationLag> measured = lags.since(from).stream()
                .collect(Collectors.toMap(NotificationLag::provider, Function.identity()));
        var names = new TreeSet<String>(measured.keySet());
        providers.forEach(p -> names.add(p.name()));
        var data = new ArrayList<Map<String, Object>>();
        for (String provider : names) {
            NotificationLag lag = measured.get(provider);
            var row = new LinkedHashMap<String, Object>();
            row.put("provider", provider);
            row.put("count", lag == null ? 0 : lag.count());
            row.put("p50Seconds", lag == null ? null : seconds(lag.p50()));
            row.put("p99Seconds", lag == null ? null : seconds(lag.p99()));
            row.put("maxSeconds", lag == null ? null : seconds(lag.max()));
            data.add(row);
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("window", span.toString());
        body.put("from", from.toString());
        body.put("to", to.toString());
        body.put("data", data);
        return body;
    }

    private static Duration window(String text) {
        try {
            Duration span = Duration.parse(text);
            if (span.compareTo(MIN_WINDOW) >= 0 && span.compareTo(MAX_WINDOW) <= 0) {
                return span;
            }
        } catch (DateTimeParseException e) {
            // answered below, like an out-of-range window
        }
        throw ApiException.validation("window", "must be an ISO-8601 duration from PT1M to P7D, e.g. PT1H");
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
