package io.orderkeep.console;

import io.orderkeep.Orderkeep;
import io.orderkeep.support.TestDatabase;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The browser tests of the deliveries, endpoints, reconciliation, audit and admin pages: one application context
 * for all of them (the same settings, so Spring reuses it), with retries and reconciliation batches small enough
 * that a dead letter and a run's progress happen within a test, and a payment provider that never answers.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = Orderkeep.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "orderkeep.delivery.retry-schedule=0s,0s",
        "orderkeep.delivery.poll-interval=PT0.2S",
        "orderkeep.delivery.initial-delay=PT0S",
        "orderkeep.reconcile.batch-size=20",
        // No provider listens here: a refund asked from the console gets no answer (the REFUNDING case).
        "orderkeep.providers.sandbox.url=http://127.0.0.1:1"})
@ContextConfiguration(initializers = TestDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public @interface ConsolePagesTest {

    /** Every console user of these tests has this password. */
    String PASSWORD = "correct horse battery";
}
