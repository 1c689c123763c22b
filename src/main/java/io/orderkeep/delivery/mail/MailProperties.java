package io.orderkeep.delivery.mail;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Customer e-mail, bound from {@code orderkeep.mail.*}. Mail is sent only when Spring Mail is configured
 * ({@code spring.mail.host}, {@code SPRING_MAIL_HOST}).
 *
 * @param from the sender address
 * @param customerHopDue how long after an event the customer hop turns overdue if the mail was not accepted
 * @param retrySchedule the delay before each attempt; after the last failure the mail is DEAD and the hop failed
 */
@ConfigurationProperties("orderkeep.mail")
public record MailProperties(
        @DefaultValue("orderkeep@localhost") String from,
        @DefaultValue("15m") Duration customerHopDue,
        @DefaultValue({"0s", "1m", "5m", "30m", "2h", "6h"}) List<Duration> retrySchedule) {}
