package io.orderkeep.ops;

import static io.orderkeep.order.OrderFixtures.created;
import static io.orderkeep.order.OrderFixtures.newMerchant;
import static io.orderkeep.order.OrderFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.orderkeep.ops.metrics.BusinessMetrics;
import io.orderkeep.order.Change;
import io.orderkeep.order.OrderLifecycle;
import io.orderkeep.order.OrderTestConfig;
import io.orderkeep.support.Api;
import io.orderkeep.support.DatabaseTest;
import io.orderkeep.support.MutableClock;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Alert notifications reach a receiver of each chat format and an SMTP server, once per incident, rate-limited. */
@DatabaseTest
@Import(OrderTestConfig.class)
@TestPropertySource(properties = {"orderkeep.test.context=ops-alerts", "orderkeep.ops.metrics-interval=PT1H",
        "orderkeep.ops.metrics-initial-delay=PT1H", "orderkeep.delivery.dispatcher-enabled=false",
        "orderkeep.alerts.min-interval=10m", "orderkeep.alerts.mail-from=alerts@orderkeep.test",
        "orderkeep.db.pool-size=3"})
class AlertNotificationsTest {

    record Received(String query, JsonNode body) {}

    static final Map<String, List<Received>> received = new ConcurrentHashMap<>();
    static final HttpServer chat = receivers();
    static final GreenMail smtp = smtp();

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry registry) {
        String base = "http://127.0.0.1:" + chat.getAddress().getPort();
        String[] types = {"slack", "dingtalk", "wecom", "feishu"};
        for (int i = 0; i < types.length; i++) {
            String type = types[i];
            registry.add("orderkeep.alerts.channels[" + i + "].type", () -> type);
            registry.add("orderkeep.alerts.channels[" + i + "].url", () -> base + "/" + type + "?access_token=t0k");
        }
        registry.add("orderkeep.alerts.channels[1].secret", () -> "SECdingtalk");
        registry.add("orderkeep.alerts.channels[3].secret", () -> "feishu-secret");
        registry.add("orderkeep.alerts.channels[4].type", () -> "email");
        registry.add("orderkeep.alerts.channels[4].to[0]", () -> "oncall@shop.test");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @AfterAll
    static void stop() {
        chat.stop(0);
        smtp.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    BusinessMetrics metrics;
    @Autowired
    OrderLifecycle lifecycle;
    @Autowired
    JdbcClient jdbc;

    @Test
    void eachIncidentIsNotifiedOnceInEveryFormatAndBurstsWaitForTheRateLimit() throws Exception {
        Api admin = Api.at(port).asAdmin();
        metrics.refresh();
        assertThat(received).isEmpty();

        String merchant = newMerchant(Api.at(port));
        var body = order(merchant);
        body.put("payment", Map.of("provider", "hopper"));
        String id = created(admin, body);
        clock.advance(Duration.ofMinutes(20));
        metrics.refresh();
        metrics.refresh();
        assertEveryChannelGot(1);
        assertThat(received.get("slack").getFirst().body().path("text").asString()).contains("1 unreturned orders");

        // Two more incidents inside the rate limit: held back, then sent together in one message.
        lifecycle.flagNeedsAttention(id, new Change("system", "watch", "result unknown after every query", Map.of()));
        String endpoint = admin.post("/api/v1/webhook-endpoints", Map.of("merchantId", merchant,
                "url", "http://127.0.0.1:9/hook", "events", List.of("*"))).json().path("id").asString();
        jdbc.sql("UPDATE webhook_endpoints SET status = 'disabled' WHERE id = ?").param(endpoint).update();
        metrics.refresh();
        assertEveryChannelGot(1);
        clock.advance(Duration.ofMinutes(11));
        metrics.refresh();
        metrics.refresh();
        assertEveryChannelGot(2);

        String second = received.get("slack").get(1).body().path("text").asString();
        assertThat(second).contains("2 new incident(s)", "webhook endpoint " + endpoint + " was disabled", "escalating")
                .doesNotContain("unreturned");
        assertThat(received.get("wecom").get(1).body().path("msgtype").asString()).isEqualTo("text");
        assertThat(received.get("wecom").get(1).body().path("text").path("content").asString()).isEqualTo(second);
        assertThat(received.get("dingtalk").get(1).body().path("text").path("content").asString()).isEqualTo(second);
        assertThat(received.get("dingtalk").get(1).query()).contains("access_token=t0k", "timestamp=", "sign=");
        JsonNode feishu = received.get("feishu").get(1).body();
        assertThat(feishu.path("msg_type").asString()).isEqualTo("text");
        assertThat(feishu.path("content").path("text").asString()).isEqualTo(second);
        assertThat(feishu.path("sign").asString()).as("Feishu: HMAC-SHA256 keyed by timestamp\\nsecret over nothing")
                .isEqualTo(hmac(feishu.path("timestamp").asString() + "\nfeishu-secret", ""));
        var dingtalk = new java.util.HashMap<String, String>();
        for (String pair : received.get("dingtalk").get(1).query().split("&")) {
            String[] kv = pair.split("=", 2);
            dingtalk.put(kv[0], java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        assertThat(dingtalk.get("sign")).as("DingTalk: HMAC-SHA256 of timestamp\\nsecret keyed by the secret")
                .isEqualTo(hmac("SECdingtalk", dingtalk.get("timestamp") + "\nSECdingtalk"));
        List<MimeMessage> mails = alertMails();
        assertThat(mails.get(1).getAllRecipients()[0].toString()).isEqualTo("oncall@shop.test");
        assertThat(((String) mails.get(1).getContent()).replace("\r\n", "\n").trim()).isEqualTo(second);
    }

    /** Written from the platforms' documentation, apart from Orderkeep's code. */
    private static String hmac(String key, String data) throws Exception {
        var mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }

    private void assertEveryChannelGot(int messages) throws Exception {
        for (String type : List.of("slack", "dingtalk", "wecom", "feishu")) {
            assertThat(received.getOrDefault(type, List.of())).as(type).hasSize(messages);
        }
        assertThat(alertMails()).as("email").hasSize(messages);
    }

    private static List<MimeMessage> alertMails() throws Exception {
        var mails = new java.util.ArrayList<MimeMessage>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getSubject() != null && m.getSubject().startsWith("[Orderkeep]")) {
                mails.add(m);
            }
        }
        return mails;
    }

    private static HttpServer receivers() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            for (String type : Arrays.asList("slack", "dingtalk", "wecom", "feishu")) {
                server.createContext("/" + type, exchange -> {
                    String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    received.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>())
                            .add(new Received(exchange.getRequestURI().getRawQuery(), Api.JSON.readTree(text)));
                    byte[] ok = "{\"errcode\":0}".getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, ok.length);
                    exchange.getResponseBody().write(ok);
                    exchange.close();
                });
            }
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GreenMail smtp() {
        var server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }
}
