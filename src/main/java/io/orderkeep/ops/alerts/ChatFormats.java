package io.orderkeep.ops.alerts;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The message bodies (and, for signed robots, the URL or body signature) each chat platform expects for a plain text
 * message: Slack-compatible incoming webhooks (also Mattermost, Rocket.Chat, Discord's /slack), DingTalk, WeCom
 * (企业微信) and Feishu/Lark.
 */
final class ChatFormats {

    /** What to POST where. */
    record Request(String url, Map<String, Object> body) {}

    private ChatFormats() {}

    static Request of(AlertProperties.Channel channel, String text, long epochMillis) {
        return switch (channel.type()) {
            case "slack" -> new Request(channel.url(), Map.of("text", text));
            case "wecom" -> new Request(channel.url(), Map.of("msgtype", "text", "text", Map.of("content", text)));
            case "dingtalk" -> new Request(dingTalkUrl(channel, epochMillis),
                    Map.of("msgtype", "text", "text", Map.of("content", text)));
            case "feishu" -> new Request(channel.url(), feishuBody(channel, text, epochMillis / 1000));
            default -> throw new IllegalArgumentException("unknown chat channel type: " + channel.type());
        };
    }

    /** DingTalk's signed robots: {@code &timestamp=&sign=} with HMAC-SHA256 of "timestamp\nsecret" keyed by the secret. */
    private static String dingTalkUrl(AlertProperties.Channel channel, long millis) {
        if (channel.secret() == null || channel.secret().isBlank()) {
            return channel.url();
        }
        String sign = hmac(channel.secret(), millis + "\n" + channel.secret());
        return channel.url() + (channel.url().contains("?") ? "&" : "?") + "timestamp=" + millis + "&sign="
                + URLEncoder.encode(sign, StandardCharsets.UTF_8);
    }

    /** Feishu's signed bots: timestamp (seconds) and HMAC-SHA256 keyed by "timestamp\nsecret" over nothing. */
    private static Map<String, Object> feishuBody(AlertProperties.Channel channel, String text, long seconds) {
        Map<String, Object> content = Map.of("text", text);
        if (channel.secret() == null || channel.secret().isBlank()) {
            return Map.of("msg_type", "text", "content", content);
        }
        String sign = hmac(seconds + "\n" + channel.secret(), "");
        return Map.of("timestamp", Long.toString(seconds), "sign", sign, "msg_type", "text", "content", content);
    }

    private static String hmac(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
