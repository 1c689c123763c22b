package io.orderkeep.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.orderkeep.delivery.DeliveryFixture.Merchant;
import io.orderkeep.delivery.DeliveryTestConfig.RecordingHopLedger;
import io.orderkeep.delivery.DeliveryTestConfig.TestOrderEvents;
import io.orderkeep.delivery.mail.CustomerMailer;
import io.orderkeep.order.Change;
import io.orderkeep.order.OrderEvent;
import io.orderkeep.order.OrderFixtures;
import io.orderkeep.order.OrderLifecycle;
import io.orderkeep.order.domain.EventType;
import io.orderkeep.order.domain.HopName;
import io.orderkeep.platform.Ids;
import io.orderkeep.support.Api;
import io.orderkeep.support.DatabaseTest;
import io.orderkeep.support.MutableClock;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Customer e-mail through a real SMTP server (GreenMail), in the customer's language, retried when refused. */
@DatabaseTest
@Import({MutableClock.Config.class, DeliveryTestConfig.class})
@TestPropertySource(properties = {"orderkeep.delivery.dispatcher-enabled=false", "orderkeep.mail.from=shop@orderkeep.test",
        "orderkeep.db.pool-size=4"})
class CustomerMailTest {

    static GreenMail smtp = start(0);

    static GreenMail start(int port) {
        var server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @AfterAll
    static void stop() {
        smtp.stop();
    }

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired TestOrderEvents events;
    @Autowired RecordingHopLedger hops;
    @Autowired CustomerMailer mailer;
    @Autowired OrderLifecycle lifecycle;

    Merchant merchant;

    @BeforeEach
    void setUp() throws Exception {
        merchant = new DeliveryFixture(Api.at(port), jdbc).merchant();
        smtp.purgeEmailFromAllMailboxes();
    }

    @Test
    void aChineseCustomerIsToldInChineseWithTheTrackingLink() throws Exception {
        OrderEvent event = events.publish(event(EventType.CREATED, "li.wei@example.com", "zh-CN"));
        assertThat(hops.states(event.orderId(), HopName.CUSTOMER)).containsExactly("PENDING");
        assertThat(mailer.runOnce()).isEqualTo(1);

        MimeMessage mail = only("li.wei@example.com");
        assertThat(mail.getSubject()).isEqualTo("您的订单 20261122-000123 已确认");
        assertThat(GreenMailUtil.getBody(mail)).isNotEmpty();
        assertThat(mail.getContent().toString()).contains("25.00 CNY", "https://shop.test/track/" + event.orderId());
        assertThat(mail.getFrom()[0].toString()).isEqualTo("shop@orderkeep.test");
        assertThat(hops.states(event.orderId(), HopName.CUSTOMER)).containsExactly("PENDING", "RETURNED");
    }

    @Test
    void anEnglishCustomerIsToldInEnglishWhatToDoAfterAFailedPayment() throws Exception {
        events.publish(event(EventType.PAYMENT_FAILED, "jo@example.com", "en"));
        mailer.runOnce();
        MimeMessage mail = only("jo@example.com");
        assertThat(mail.getSubject()).isEqualTo("Payment for order 20261122-000123 did not go through");
        assertThat(mail.getContent().toString()).contains("What to do next", "pay again");
    }

    /**
     * The whole path of a failed payment's e-mail: a real order, its payment failure recorded the way the payments
     * module records one ({@code OrderLifecycle.recordPaymentFailed}), and the mail the SMTP server gets, in the
     * customer's language, saying what to do next with the order's own link.
     */
    @ParameterizedTest(name = "in {0}")
    @CsvSource(delimiter = '|', value = {
            "zh-CN | 付款未成功 | 下一步：打开 | 重新付款",
            "en    | did not go through | What to do next: open | pay again"})
    void aFailedPaymentTellsTheCustomerWhatToDoNextInTheirLanguage(String locale, String subject, String next,
            String retry) throws Exception {
        var body = OrderFixtures.order(merchant.id());
        @SuppressWarnings("unchecked")
        var customer = (Map<String, Object>) body.get("customer");
        String email = "pay.failed." + locale.toLowerCase(java.util.Locale.ROOT) + "@example.com";
        customer.put("email", email);
        customer.put("locale", locale);
        String orderId = OrderFixtures.created(merchant.key(), body);
        String trackingUrl = merchant.key().get("/api/v1/orders/" + orderId).json().path("trackingUrl").asString();
        assertThat(trackingUrl).contains(orderId);

        assertThat(lifecycle.recordPaymentFailed(orderId, Change.of("sandbox", "notification",
                "payment attempt 1 failed at the provider"))).isTrue();
        assertThat(mailer.runOnce()).as("the accepted and the payment-failed mail").isEqualTo(2);

        var mails = Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().contains(subject);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(mails).hasSize(1);
        MimeMessage mail = mails.getFirst();
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(email);
        String text = mail.getContent().toString();
        assertThat(text).contains(next + " " + trackingUrl, retry, "25.00 CNY");
        assertThat(hops.states(orderId, HopName.CUSTOMER)).endsWith("RETURNED");
    }

    @Test
    void aCustomerWithoutAnEmailSkipsTheHopAndEventsWithoutAMailSendNothing() {
        OrderEvent none = events.publish(event(EventType.PAID, null, "en"));
        assertThat(hops.states(none.orderId(), HopName.CUSTOMER)).containsExactly("SKIPPED");
        OrderEvent fulfilled = events.publish(event(EventType.FULFILLED, "jo@example.com", "en"));
        assertThat(hops.states(fulfilled.orderId(), HopName.CUSTOMER)).isEmpty();
        assertThat(mailer.runOnce()).isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void aRefusedSendIsRetriedLaterAndNeverBlocksTheOrder() throws Exception {
        int smtpPort = smtp.getSmtp().getPort();
        smtp.stop();
        OrderEvent event;
        try {
            event = events.publish(event(EventType.PAID, "retry@example.com", "en"));
            assertThat(mailer.runOnce()).isEqualTo(1);
        } finally {
            smtp = start(smtpPort);
        }
        assertThat(jdbc.sql("SELECT status FROM customer_emails WHERE event_id = ?").param(event.eventId())
                .query(String.class).single()).isEqualTo("RETRYING");
        assertThat(mailer.runOnce()).as("not before its retry delay").isZero();
        clock.advance(Duration.ofMinutes(2));
        assertThat(mailer.runOnce()).isEqualTo(1);
        assertThat(only("retry@example.com").getSubject()).isEqualTo("Payment received for order 20261122-000123");
        assertThat(hops.states(event.orderId(), HopName.CUSTOMER)).containsExactly("PENDING", "RETURNED");
    }

    @Test
    void aMailTheServerKeepsRefusingPastTheCustomerHopsDueTimeMakesTheOrderUnreturned() {
        int smtpPort = smtp.getSmtp().getPort();
        String orderId;
        JsonNode hop;
        smtp.stop();
        try {
            var body = OrderFixtures.order(merchant.id());
            @SuppressWarnings("unchecked")
            var customer = (Map<String, Object>) body.get("customer");
            customer.put("email", "refused@example.com");
            orderId = OrderFixtures.created(merchant.key(), body);
            // Only the customer hop is under test: the payment's own hop is taken out of the picture.
            hops.returned(orderId, HopName.PAYMENT, clock.instant());
            assertThat(mailer.runOnce()).isEqualTo(1);
            assertThat(order(orderId).path("unreturned").asBoolean()).isFalse();
            hop = hop(orderId, "customer");
            assertThat(hop.path("state").asString()).isEqualTo("PENDING");
            Instant due = Instant.parse(hop.path("dueAt").asString());

            clock.set(due.minusSeconds(1));
            mailer.runOnce();
            assertThat(order(orderId).path("unreturned").asBoolean()).as("not yet due").isFalse();
            clock.set(due.plusSeconds(1));
            mailer.runOnce();
        } finally {
            smtp = start(smtpPort);
        }
        assertThat(jdbc.sql("SELECT status FROM customer_emails WHERE order_id = ?").param(orderId)
                .query(String.class).single()).isEqualTo("RETRYING");
        JsonNode order = order(orderId);
        assertThat(order.path("unreturned").asBoolean()).isTrue();
        assertThat(hop(orderId, "customer").path("state").asString()).as("overdue: pending past its due time")
                .isEqualTo("OVERDUE");
        assertThat(merchant.key().get("/api/v1/orders?unreturned=true").json().path("data"))
                .extracting(o -> o.path("id").asString()).contains(orderId);
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', value = {
            "REPAIRED | zh-CN | 订单 20261122-000123 已修正          | 我们发现并修正了订单 20261122-000123（25.00 CNY）的一个问题 | 查看订单：",
            "REPAIRED | en    | Order 20261122-000123 has been put right | We found and corrected a problem with order 20261122-000123 (25.00 CNY) | 'Follow your order here: '",
            "REFUNDED | zh-CN | 订单 20261122-000123 已退款          | 订单 20261122-000123 的退款已发出，到账可能需要几天         | 查看订单：",
            "REFUNDED | en    | Refund for order 20261122-000123     | A refund for order 20261122-000123 has been issued | 'Follow your order here: '"})
    void repairedAndRefundedOrdersAreToldInTheCustomersLanguage(EventType type, String locale, String subject,
            String says, String follow) throws Exception {
        String email = type.name().toLowerCase(java.util.Locale.ROOT) + "." + locale + "@example.com";
        OrderEvent event = events.publish(event(type, email, locale));
        assertThat(mailer.runOnce()).isEqualTo(1);
        MimeMessage mail = only(email);
        assertThat(mail.getSubject()).isEqualTo(subject);
        assertThat(mail.getContent().toString()).contains(says, follow + "https://shop.test/track/" + event.orderId());
        assertThat(hops.states(event.orderId(), HopName.CUSTOMER)).containsExactly("PENDING", "RETURNED");
    }

    private JsonNode order(String orderId) {
        return merchant.key().get("/api/v1/orders/" + orderId).json();
    }

    private JsonNode hop(String orderId, String name) {
        for (JsonNode hop : order(orderId).path("hops")) {
            if (hop.path("hop").asString().equals(name)) {
                return hop;
            }
        }
        throw new AssertionError("the order has no " + name + " hop");
    }

    private MimeMessage only(String recipient) throws Exception {
        var received = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(recipient);
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
        assertThat(received).hasSize(1);
        return received.getFirst();
    }

    private OrderEvent event(EventType type, String email, String locale) {
        Clock now = clock;
        String orderId = Ids.next("ord", now);
        return new OrderEvent(Ids.next("evt", now), type, orderId, merchant.id(), email, locale, now.instant(),
                Map.of("id", orderId, "number", "20261122-000123", "merchantId", merchant.id(), "currency", "CNY",
                        "totalAmount", 2500, "trackingUrl", "https://shop.test/track/" + orderId));
    }
}
