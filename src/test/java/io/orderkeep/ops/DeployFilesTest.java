package io.orderkeep.ops;

import static io.orderkeep.order.OrderFixtures.created;
import static io.orderkeep.order.OrderFixtures.newMerchant;
import static io.orderkeep.order.OrderFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.ops.metrics.BusinessMetrics;
import io.orderkeep.support.Api;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/** The Prometheus rules and the Grafana dashboard under {@code deploy/} parse and name only metrics Orderkeep exports. */
@OpsTest
class DeployFilesTest {

    /** Series Prometheus makes itself, not the application. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up");
    /** A selector's exact-match label: {@code outcome="escalated"}, not {@code status=~"5.."}. */
    private static final Pattern SELECTOR = Pattern.compile("\\b(orderkeep_[a-z0-9_]+)\\{([^}]*)}");
    private static final Pattern EXACT_LABEL = Pattern.compile("([a-z_]+)=\"([^\"]*)\"");
    private static final Pattern METRIC = Pattern.compile("\\b(orderkeep_[a-z0-9_]+|http_[a-z0-9_]+|jvm_[a-z0-9_]+|up)\\b(?!\\s*\\()");

    @LocalServerPort
    int port;
    @Autowired
    BusinessMetrics metrics;
    @Autowired
    io.orderkeep.support.MutableClock clock;

    @Test
    void everyMetricTheRulesAndTheDashboardNameIsScraped() throws IOException {
        List<String> expressions = new ArrayList<>(ruleExpressions());
        expressions.addAll(dashboardExpressions());
        assertThat(expressions).hasSizeGreaterThan(10);
        Set<String> named = new TreeSet<>();
        expressions.forEach(e -> {
            Matcher m = METRIC.matcher(e.replaceAll("\\{[^}]*}", "").replaceAll("\\[[^]]*]", ""));
            while (m.find()) {
                named.add(m.group(1));
            }
        });
        named.removeAll(PROMETHEUS_OWN);
        assertThat(named).contains("orderkeep_orders_unreturned", "orderkeep_delivery_backlog", "orderkeep_watch_outcomes");

        String scrape = scrapeWithData();
        Set<String> scraped = new TreeSet<>();
        Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]").matcher(scrape).results().forEach(r -> scraped.add(r.group(1)));
        assertThat(scraped).containsAll(named);

        // A label value a rule names that no scrape carries would make the rule silently never fire.
        for (String e : expressions) {
            Matcher selector = SELECTOR.matcher(e);
            while (selector.find()) {
                String metric = selector.group(1);
                Matcher label = EXACT_LABEL.matcher(selector.group(2));
                while (label.find()) {
                    String pair = label.group(1) + "=\"" + label.group(2) + "\"";
                    assertThat(scrape.lines().filter(l -> l.startsWith(metric + "{")).anyMatch(l -> l.contains(pair)))
                            .as(metric + "{" + pair + "} in a scrape, named by " + e).isTrue();
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> ruleExpressions() throws IOException {
        Map<String, Object> doc = new Yaml().load(Files.readString(Path.of("deploy/prometheus/alerts.yml")));
        var expressions = new ArrayList<String>();
        for (Map<String, Object> group : (List<Map<String, Object>>) doc.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                assertThat(rule).containsKeys("alert", "expr");
                expressions.add(String.valueOf(rule.get("expr")));
            }
        }
        return expressions;
    }

    private static List<String> dashboardExpressions() throws IOException {
        JsonNode dashboard = Api.JSON.readTree(Files.readString(Path.of("deploy/grafana/orderkeep.json")));
        assertThat(dashboard.path("title").asString()).isEqualTo("Orderkeep");
        var expressions = new ArrayList<String>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                expressions.add(target.path("expr").asString());
            }
        }
        return expressions;
    }

    /** Orders with a webhook endpoint, so that the per-endpoint series exist; then one refresh and a scrape. */
    private String scrapeWithData() {
        Api admin = Api.at(port).asAdmin();
        String merchant = newMerchant(Api.at(port));
        admin.post("/api/v1/webhook-endpoints", Map.of("merchantId", merchant, "url", "http://127.0.0.1:9/hook",
                "events", List.of("*")));
        created(admin, order(merchant));
        // An order whose payment hop is overdue, so that the per-hop series (every age bucket) exist.
        var late = order(merchant);
        late.put("payment", Map.of("provider", "hopper"));
        created(admin, late);
        clock.advance(java.time.Duration.ofMinutes(20));
        admin.header("Idempotency-Key", "same").post("/api/v1/orders", order(merchant));
        admin.header("Idempotency-Key", "same").post("/api/v1/orders", order(merchant));
        admin.get("/api/v1/orders/ord_missing");
        metrics.refresh();
        return Api.at(port).get("/actuator/prometheus").body();
    }
}
