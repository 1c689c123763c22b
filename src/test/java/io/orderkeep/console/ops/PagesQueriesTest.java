package io.orderkeep.console.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.orderkeep.delivery.Deliveries;
import io.orderkeep.delivery.FailureRate;
import io.orderkeep.order.OrderFixtures;
import io.orderkeep.platform.ApiException;
import io.orderkeep.reconcile.Discrepancies;
import io.orderkeep.reconcile.Discrepancy;
import io.orderkeep.reconcile.Reconciliations;
import io.orderkeep.support.Api;
import io.orderkeep.support.DatabaseTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * What the console's pages read and change beyond the HTTP API, on SQLite and PostgreSQL: endpoints' failure rates
 * over a window, and discrepancies through reconcile's public {@link Discrepancies}.
 */
@DatabaseTest
@TestPropertySource(properties = {"orderkeep.delivery.retry-schedule=0s,0s", "orderkeep.delivery.poll-interval=PT0.2S",
        "orderkeep.delivery.initial-delay=PT0S"})
class PagesQueriesTest {

    @LocalServerPort
    int port;
    @Autowired
    Deliveries deliveries;
    @Autowired
    Reconciliations reconciliations;
    @Autowired
    Discrepancies discrepancies;

    @Test
    void failureRatesCountTheAttemptsWithoutA2xxInTheWindow() {
        Api admin = Api.at(port).asAdmin();
        String merchant = OrderFixtures.newMerchant(admin);
        try (var receiver = WebhookReceiver.start()) {
            receiver.answer("/down", 500);
            String endpoint = admin.post("/api/v1/webhook-endpoints", Map.of("merchantId", merchant,
                    "url", receiver.url("/down"), "events", List.of("order.created"))).json().path("id").asString();
            Instant before = Instant.now().minusSeconds(1);
            OrderFixtures.created(admin, OrderFixtures.order(merchant));
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received("/down") == 2
                    && deliveries.failureRates(before).getOrDefault(endpoint, FailureRate.NONE).attempts() == 2);

            assertThat(deliveries.failureRates(before).get(endpoint)).isEqualTo(new FailureRate(2, 2));
            assertThat(deliveries.failureRates(before).get(endpoint).rate()).isEqualTo(1.0);
            assertThat(deliveries.failureRates(Instant.now().plusSeconds(60))).doesNotContainKey(endpoint);
        }
    }

    @Test
    void discrepanciesAreListedFoundAndResolvedOnceWithAReason() throws IOException {
        String tx = "tx_" + UUID.randomUUID();
        Path file = Files.createTempFile("settlement", ".csv");
        Files.write(file, List.of(ReconciliationBrowserTest.HEADER, String.join(",", tx, "pr_" + tx, "pay_" + tx,
                "PAYMENT", "SUCCESS", "990", "CNY", "0", Instant.now().minus(Duration.ofDays(1)).toString())));
        var run = reconciliations.submit("sandbox", file, null, false, "user:tester", true, Reconciliations.Progress.NONE);

        var listed = discrepancies.list(run.id(), null, "NEEDS_REVIEW", 10, null).data();
        assertThat(listed).extracting(Discrepancy::kind, Discrepancy::transactionId, Discrepancy::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("MISSING_LOCAL", tx, 990L));
        String id = listed.getFirst().id();
        assertThat(discrepancies.find(id)).contains(listed.getFirst());

        assertThatThrownBy(() -> discrepancies.resolve(id, Discrepancies.Action.IGNORE, " ", "user:tester"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
        Discrepancy resolved = discrepancies.resolve(id, Discrepancies.Action.IGNORE, "a test row", "user:tester");
        assertThat(resolved.resolution()).isEqualTo("DISMISSED");
        assertThat(resolved.resolvedBy()).isEqualTo("user:tester");
        assertThat(resolved.resolvedReason()).isEqualTo("a test row");
        assertThat(resolved.resolvedAt()).isNotNull();
        assertThat(resolved.needsReview()).isFalse();
        assertThatThrownBy(() -> discrepancies.resolve(id, Discrepancies.Action.IGNORE, "again", "user:tester"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("already_resolved"));
        assertThat(discrepancies.list(run.id(), null, "NEEDS_REVIEW", 10, null).data()).isEmpty();
    }
}
