package io.orderkeep.ops;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operational thresholds, bound from {@code orderkeep.ops.*}.
 *
 * @param maxBacklog readiness fails and doctor complains above this many waiting webhook deliveries
 * @param maxStall how long the most overdue delivery or payment check may wait before its worker counts as stalled
 * @param maxClockSkew how far this machine's clock may be from the database's
 * @param unreturnedAlert unreturned orders at or above which the built-in alert fires
 */
@ConfigurationProperties("orderkeep.ops")
public record OpsProperties(@DefaultValue("10000") long maxBacklog, @DefaultValue("5m") Duration maxStall,
        @DefaultValue("5s") Duration maxClockSkew, @DefaultValue("1") long unreturnedAlert) {}
