package io.orderkeep.ops.alerts;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Built-in alert notifications, bound from {@code orderkeep.alerts.*}.
 *
 * @param channels where to send: chat webhooks and e-mail
 * @param minInterval at most one message per this interval; incidents opened meanwhile go out together in the next
 * @param mailFrom the sender of alert e-mails
 */
@ConfigurationProperties("orderkeep.alerts")
public record AlertProperties(@DefaultValue List<Channel> channels, @DefaultValue("5m") Duration minInterval,
        @DefaultValue("orderkeep@localhost") String mailFrom) {

    /**
     * One destination.
     *
     * @param type {@code slack} (any Slack-compatible incoming webhook), {@code dingtalk}, {@code wecom},
     *     {@code feishu} or {@code email}
     * @param url the webhook URL (chat types)
     * @param secret the signing secret of a DingTalk or Feishu robot, if it has one; never logged
     * @param to recipients ({@code email})
     */
    public record Channel(String type, String url, String secret, @DefaultValue List<String> to) {

        /** Neither the secret nor the URL: a webhook URL often carries the robot's access token. */
        @Override
        public String toString() {
            return "Channel[type=" + type + ", url=" + (url == null ? null : "***") + ", secret="
                    + (secret == null ? null : "***") + ", to=" + to + "]";
        }
    }
}
