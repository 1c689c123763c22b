package io.orderkeep.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.Orderkeep;
import io.orderkeep.payment.internal.Watch;
import io.orderkeep.payment.jdbc.PaymentAttempts;
import io.orderkeep.support.DatabaseTest;
import io.orderkeep.support.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * Two Orderkeep instances on one database (PostgreSQL, and the SQLite file too) run the watch at the same moments:
 * every payment is queried exactly once per step of its schedule, never twice, whoever claims it.
 */
@DatabaseTest
@Import(PaymentWorld.Config.class)
class SharedWatchTest extends PaymentTestSupport {

    static final List<Duration> STEPS = List.of(Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2),
            Duration.ofMinutes(5), Duration.ofMinutes(15));

    @Autowired
    Environment environment;

    ConfigurableApplicationContext other;

    @AfterEach
    void closeOther() {
        if (other != null) {
            other.close();
        }
    }

    @Test
    void twoInstancesShareTheWatchWithoutQueryingAPaymentTwice() throws Exception {
        other = secondInstance();
        Watch otherWatch = other.getBean(Watch.class);
        Instant opened = PaymentWorld.CLOCK.instant();
        List<String> payments = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            payments.add(newOrder(500 + i).path("payment").path("id").asString());
        }
        assertThat(other.getBean(PaymentAttempts.class).find(payments.getFirst())).as("one database").isPresent();
        PaymentWorld.PROXY.reset();
        int workedHere = 0;
        int workedThere = 0;
        for (int round = 1; round <= STEPS.size(); round++) {
            PaymentWorld.CLOCK.set(opened.plus(STEPS.get(round - 1)));
            var here = CompletableFuture.supplyAsync(watch::runOnce);
            var there = CompletableFuture.supplyAsync(otherWatch::runOnce);
            workedHere += here.get();
            workedThere += there.get();
            for (String payment : payments) {
                assertThat(PaymentWorld.PROXY.queries(payment)).as(payment + " queries after round " + round).isEqualTo(round);
            }
        }
        // Which instance claims what is a race; together they worked every query, and none twice (above).
        assertThat(workedHere + workedThere).isGreaterThanOrEqualTo(payments.size() * STEPS.size());
    }

    private ConfigurableApplicationContext secondInstance() {
        // Command-line arguments, because they outrank application.yml (default properties would not).
        var arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--orderkeep.admin-key=" + TestDatabase.ADMIN_KEY,
                "--orderkeep.data-dir=" + environment.getRequiredProperty("orderkeep.data-dir"),
                "--orderkeep.providers.sandbox.url=" + PaymentWorld.PROXY.url(),
                "--orderkeep.providers.sandbox.read-timeout=1s",
                "--orderkeep.watch.enabled=false",
                "--orderkeep.watch.batch-size=5"));
        if (environment.getProperty("orderkeep.db.url") != null) {
            arguments.add("--orderkeep.db.url=" + environment.getProperty("orderkeep.db.url"));
            arguments.add("--orderkeep.db.user=" + environment.getProperty("orderkeep.db.user"));
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Orderkeep.class, PaymentWorld.Config.class)
                .run(arguments.toArray(String[]::new));
        assertThat(context.getEnvironment().getProperty("orderkeep.data-dir"))
                .isEqualTo(environment.getProperty("orderkeep.data-dir"));
        return context;
    }
}
