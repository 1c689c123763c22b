package io.orderkeep.console.web;

import io.orderkeep.console.ConsoleTime;
import io.orderkeep.delivery.LiveUpdates;
import io.orderkeep.ops.OpsChecks;
import io.orderkeep.order.OrderFigures;
import io.orderkeep.payment.NotificationLags;
import io.orderkeep.payment.PaymentDesk;
import io.orderkeep.platform.Caller;
import io.orderkeep.platform.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The dashboard: unreturned orders by hop and age, orders by status, the delivery backlog and dead letters, the
 * watch's escalations, and a 24-hour chart of orders created and returned. The figures region reloads itself
 * whenever the live stream reports a change. A merchant user sees its own merchant's orders and no platform figures.
 */
@Controller
class DashboardController {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:00");

    private final OrderFigures orders;
    private final PaymentDesk payments;
    private final OpsChecks ops;
    private final LiveUpdates live;
    private final ConsoleTime time;
    private final MessageSource messages;
    private final NotificationLags lags;
    private final Clock clock;

    DashboardController(OrderFigures orders, PaymentDesk payments, OpsChecks ops, LiveUpdates live, ConsoleTime time,
            MessageSource messages, NotificationLags lags, Clock clock) {
        this.lags = lags;
        this.clock = clock;
        this.orders = orders;
        this.payments = payments;
        this.ops = ops;
        this.live = live;
        this.time = time;
        this.messages = messages;
    }

    @GetMapping("/console")
    String dashboard(Caller caller, Model model) {
        figures(caller, model);
        model.addAttribute("chart", true);
        return "console/dashboard";
    }

    @GetMapping("/console/figures")
    String figures(Caller caller, Model model) {
        model.addAttribute("summary", orders.summary(caller));
        model.addAttribute("ageBuckets", OrderFigures.AGE_BUCKETS);
        boolean platform = caller.role() != Role.MERCHANT;
        model.addAttribute("ops", platform ? ops.figures() : null);
        model.addAttribute("waiting", platform ? payments.waiting(caller) : List.of());
        // The same figures as GET /api/v1/ops/notification-lag over its default window, the last hour.
        model.addAttribute("lags", platform ? lags.since(clock.instant().minus(Duration.ofHours(1))) : List.of());
        return "console/dashboard :: figures";
    }

    /** The 24-hour chart as an ECharts option; hours in the merchant user's zone, else UTC, named on the axis. */
    @GetMapping(path = "/console/charts/orders-24h.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> ordersChart(Caller caller, Locale locale) {
        ZoneId zone = time.zone(caller.merchantId());
        var hours = orders.hourly(caller, 24);
        String created = messages.getMessage("dashboard.chart.created", null, locale);
        String returned = messages.getMessage("dashboard.chart.returned", null, locale);
        return Map.of(
                "animation", false,
                "legend", Map.of("data", List.of(created, returned)),
                "grid", Map.of("left", 40, "right", 16, "bottom", 40),
                "xAxis", Map.of("type", "category", "name", zone.getId().equals("Z") ? "UTC" : zone.getId(),
                        "nameLocation", "center", "nameGap", 28,
                        "data", hours.stream().map(h -> HOUR.format(h.start().atZone(zone))).toList()),
                "yAxis", Map.of("type", "value", "minInterval", 1),
                "series", List.of(
                        Map.of("name", created, "type", "bar", "color", "#0b5cad",
                                "data", hours.stream().map(OrderFigures.Hour::created).toList()),
                        Map.of("name", returned, "type", "line", "color", "#1a6b2f",
                                "data", hours.stream().map(OrderFigures.Hour::returned).toList())));
    }

    /** The console's live stream: the caller's merchants' order changes (no order contents), see LiveStream. */
    @GetMapping(path = "/console/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter live(Caller caller, @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        return live.subscribe(caller, null, lastEventId);
    }
}
