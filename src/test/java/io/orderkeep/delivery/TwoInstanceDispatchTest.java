package io.orderkeep.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderkeep.Orderkeep;
import io.orderkeep.delivery.DeliveryTestConfig.TestOrderEvents;
import io.orderkeep.order.OrderEvent;
import io.orderkeep.order.domain.EventType;
import io.orderkeep.support.Api;
import io.orderkeep.support.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two Orderkeep instances on one PostgreSQL database, both dispatching on their timers: every event reaches the
 * endpoint exactly once (no crash, so no lease runs out) and the events of each order arrive in order.
 */
@Tag("db")
class TwoInstanceDispatchTest {

    static final String SHARED_SECRET_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void twoInstancesShareTheWorkWithoutSendingAnythingTwice() {
        assumeTrue(TestDatabase.postgres(), "several instances need PostgreSQL");
        String database = TestDatabase.createPostgresDatabase();
        try (Receiver receiver = Receiver.start();
             var first = start(database);
             var second = start(database)) {
            Api api = Api.at(port(first));
            api.asAdmin().post("/api/v1/merchants", Map.of("id", "m_two", "name", "Two Instances"));
            var endpoint = api.asAdmin().post("/api/v1/webhook-endpoints",
                    Map.of("merchantId", "m_two", "url", receiver.url("/two"), "events", List.of("*"))).json();
            receiver.secrets("/two", endpoint.path("secret").asString());

            var published = new ArrayList<OrderEvent>();
            List<EventType> types = List.of(EventType.CREATED, EventType.PAID, EventType.FULFILLED,
                    EventType.COMPLETED, EventType.REFUNDED);
            for (EventType type : types) {
                for (int order = 0; order < 30; order++) {
                    var publisher = (order % 2 == 0 ? first : second).getBean(TestOrderEvents.class);
                    published.add(publisher.publish("m_two", "ord_two_" + order, type));
                }
            }
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.sql(
                    "SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'DELIVERED'").query(Long.class).single()
                    == published.size());

            var got = receiver.at("/two");
            assertThat(got).allMatch(Receiver.Received::verified);
            assertThat(got).as("no event sent twice").hasSize(published.size());
            assertThat(new HashSet<>(got.stream().map(Receiver.Received::id).toList()))
                    .containsExactlyInAnyOrderElementsOf(published.stream().map(OrderEvent::eventId).toList());
            assertThat(sent(first)).as("sends by the first instance").isPositive();
            assertThat(sent(second)).as("sends by the second instance").isPositive();
            assertThat(sent(first) + sent(second)).isEqualTo(published.size());
            for (int order = 0; order < 30; order++) {
                String orderId = "ord_two_" + order;
                List<String> sent = published.stream().filter(e -> e.orderId().equals(orderId))
                        .map(OrderEvent::eventId).toList();
                assertThat(got.stream().map(r -> sent.indexOf(r.id())).filter(i -> i >= 0).toList())
                        .as("events of %s in arrival order", orderId).isSorted();
            }
        } finally {
            TestDatabase.dropPostgresDatabase(database);
        }
    }

    private static ConfigurableApplicationContext start(String database) {
        return new SpringApplicationBuilder(Orderkeep.class, DeliveryTestConfig.class)
                .run("--server.port=0",
                        "--orderkeep.data-dir=" + TestDatabase.temporaryDirectory(),
                        "--orderkeep.admin-key=" + TestDatabase.ADMIN_KEY,
                        "--orderkeep.db.url=jdbc:postgresql://127.0.0.1:5432/" + database,
                        "--orderkeep.db.user=postgres",
                        "--orderkeep.delivery.secret-key=" + SHARED_SECRET_KEY,
                        "--orderkeep.delivery.poll-interval=PT0.1S",
                        "--orderkeep.delivery.initial-delay=PT0S",
                        // small batches, so that neither instance can take all that is due in one pass
                        "--orderkeep.delivery.batch-size=5");
    }

    private static double sent(ConfigurableApplicationContext context) {
        var counter = context.getBean(MeterRegistry.class).find("orderkeep.webhook.attempts").tag("outcome", "delivered")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
