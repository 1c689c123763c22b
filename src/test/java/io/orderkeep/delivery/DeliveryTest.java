package io.orderkeep.delivery;

import io.orderkeep.support.DatabaseTest;
import io.orderkeep.support.MutableClock;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The one application set-up every delivery test shares (so they share one Spring context): a clock the test
 * moves, the dispatcher's timer off (tests call {@code runOnce()}), a short attempt timeout, a recording hop ledger
 * and a helper that publishes order events the way the order module does.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@DatabaseTest
@Import({MutableClock.Config.class, DeliveryTestConfig.class})
@TestPropertySource(properties = {
        "orderkeep.delivery.dispatcher-enabled=false",
        "orderkeep.delivery.connect-timeout=1s",
        "orderkeep.delivery.request-timeout=1s",
        "orderkeep.delivery.lease=10s"})
@interface DeliveryTest {}
