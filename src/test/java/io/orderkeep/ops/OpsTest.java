package io.orderkeep.ops;

import io.orderkeep.order.OrderTestConfig;
import io.orderkeep.support.DatabaseTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The one context every ops test shares: its own database (so that metric values are exact), a movable clock and
 * the order tests' payment opening (provider {@code hopper} opens a payment hop due 15 minutes after creation). The
 * webhook dispatcher is off, so deliveries stay waiting where a test puts them; more than 3 waiting is not ready.
 * {@link DatabaseSwitch} can make the database unreachable for a moment.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@DatabaseTest
@Import({OrderTestConfig.class, DatabaseSwitch.class})
@TestPropertySource(properties = {"orderkeep.test.context=ops", "orderkeep.ops.metrics-interval=PT1H",
        "orderkeep.ops.metrics-initial-delay=PT1H",
        "orderkeep.delivery.dispatcher-enabled=false", "orderkeep.ops.max-backlog=3",
        "orderkeep.db.pool-size=3"})
public @interface OpsTest {}
