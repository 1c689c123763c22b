package io.orderkeep.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.delivery.DeliveryFixture.Merchant;
import io.orderkeep.delivery.DeliveryTestConfig.TestOrderEvents;
import io.orderkeep.delivery.webhook.Dispatcher;
import io.orderkeep.order.domain.EventType;
import io.orderkeep.support.Api;
import io.orderkeep.support.MutableClock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@DeliveryTest
class WebhookEndpointsHttpTest {

    static Receiver receiver;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired Dispatcher dispatcher;
    @Autowired TestOrderEvents events;

    Api api;
    DeliveryFixture fixture;
    Merchant merchant;

    @BeforeAll
    static void startReceiver() {
        receiver = Receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @BeforeEach
    void setUp() {
        receiver.clock(clock);
        api = Api.at(port);
        fixture = new DeliveryFixture(api, jdbc);
        fixture.cleanSlate();
        merchant = fixture.merchant();
    }

    @Test
    void theSecretIsShownOnlyWhenCreatedAndStoredSealed() {
        var created = merchant.key().post("/api/v1/webhook-endpoints",
                Map.of("url", "https://shop.example.com/hooks", "events", List.of("order.paid", "order.refunded"),
                        "description", "ERP"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().path("id").asString();
        String secret = created.json().path("secret").asString();
        assertThat(id).startsWith("whe_");
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSizeGreaterThanOrEqualTo(24);
        assertThat(created.header("Location")).isEqualTo("/api/v1/webhook-endpoints/" + id);

        JsonNode shown = merchant.key().get("/api/v1/webhook-endpoints/" + id).json();
        assertThat(shown.path("events").get(1).asString()).isEqualTo("order.refunded");
        assertThat(shown.path("status").asString()).isEqualTo("enabled");
        assertThat(shown.has("secret")).isFalse();
        assertThat(merchant.key().get("/api/v1/webhook-endpoints").body()).contains(id).doesNotContain(secret);
        String stored = jdbc.sql("SELECT secret FROM webhook_endpoints WHERE id = ?").param(id).query(String.class).single();
        assertThat(stored).doesNotContain(secret.substring(6));
    }

    @Test
    void badUrlsAndUnknownEventTypesAreRefused() {
        var response = merchant.key().post("/api/v1/webhook-endpoints",
                Map.of("url", "ftp://shop.example.com/hooks", "events", List.of("order.paid", "order.shipped")));
        assertThat(response.code()).isEqualTo("validation_failed");
        assertThat(response.json().path("errors").findValuesAsString("field")).containsExactly("url", "events[1]");
        assertThat(merchant.key().post("/api/v1/webhook-endpoints", Map.of("url", "/relative", "events", List.of("*")))
                .code()).isEqualTo("validation_failed");
        assertThat(merchant.key().post("/api/v1/webhook-endpoints",
                Map.of("url", "https://shop.example.com", "events", List.of())).code()).isEqualTo("validation_failed");
    }

    @Test
    void aMerchantKeyManagesOnlyItsOwnEndpoints() {
        Merchant other = fixture.merchant();
        String theirs = fixture.endpoint(other, "https://other.example.com/h", List.of("*")).id();
        String mine = fixture.endpoint(merchant, "https://mine.example.com/h", List.of("*")).id();

        assertThat(merchant.key().get("/api/v1/webhook-endpoints/" + theirs).code()).isEqualTo("not_found");
        assertThat(merchant.key().delete("/api/v1/webhook-endpoints/" + theirs).code()).isEqualTo("not_found");
        assertThat(merchant.key().post("/api/v1/webhook-endpoints/" + theirs + "/rotate-secret").code())
                .isEqualTo("not_found");
        assertThat(merchant.key().get("/api/v1/webhook-endpoints").json().path("data").findValuesAsString("id"))
                .containsExactly(mine);
    }

    @Test
    void adminNamesTheMerchantAndAnAuditorOnlyReads() {
        var body = Map.of("url", "https://shop.example.com/h", "events", List.of("*"));
        assertThat(api.asAdmin().post("/api/v1/webhook-endpoints", body).json().path("errors").get(0).path("field")
                .asString()).isEqualTo("merchantId");
        var created = api.asAdmin().post("/api/v1/webhook-endpoints",
                Map.of("merchantId", merchant.id(), "url", "https://shop.example.com/h", "events", List.of("*")));
        assertThat(created.status()).isEqualTo(201);

        String auditor = api.asAdmin().post("/api/v1/keys", Map.of("role", "auditor")).json().path("key").asString();
        assertThat(api.as(auditor).post("/api/v1/webhook-endpoints",
                Map.of("merchantId", merchant.id(), "url", "https://x.example.com", "events", List.of("*"))).code())
                .isEqualTo("forbidden");
        assertThat(api.as(auditor).get("/api/v1/webhook-endpoints?merchantId=" + merchant.id()).json().path("data"))
                .hasSize(1);
        assertThat(api.as(auditor).delete("/api/v1/webhook-endpoints/" + created.json().path("id").asString()).code())
                .isEqualTo("forbidden");
    }

    @Test
    void aDeletedEndpointIsGoneAndGetsNothingMore() {
        var endpoint = fixture.endpoint(merchant, receiver.url("/deleted"), List.of("*"));
        var waiting = events.publish(merchant.id(), "ord_del" + merchant.id(), EventType.CREATED);
        assertThat(merchant.key().delete("/api/v1/webhook-endpoints/" + endpoint.id()).status()).isEqualTo(204);
        assertThat(merchant.key().get("/api/v1/webhook-endpoints/" + endpoint.id()).status()).isEqualTo(404);
        assertThat(fixture.deliveryStatus(waiting.eventId(), endpoint.id())).isEqualTo("DEAD");
        events.publish(merchant.id(), "ord_del" + merchant.id(), EventType.PAID);
        dispatcher.runOnce();
        assertThat(receiver.at("/deleted")).isEmpty();
    }

    @Test
    void afterARotationBothSecretsSignFor24Hours() {
        var endpoint = fixture.endpoint(merchant, receiver.url("/rotate"), List.of("*"));
        var rotated = merchant.key().post("/api/v1/webhook-endpoints/" + endpoint.id() + "/rotate-secret");
        assertThat(rotated.status()).isEqualTo(200);
        String newSecret = rotated.json().path("secret").asString();
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(endpoint.secret());

        events.publish(merchant.id(), "ord_rot" + merchant.id(), EventType.CREATED);
        dispatcher.runOnce();
        clock.advance(Duration.ofHours(25));
        events.publish(merchant.id(), "ord_rot" + merchant.id(), EventType.PAID);
        dispatcher.runOnce();

        var got = receiver.at("/rotate");
        assertThat(got).hasSize(2);
        var during = got.get(0);
        assertThat(during.signature().split(" ")).hasSize(2);
        assertThat(StandardWebhooks.signedBy(List.of(endpoint.secret()), during.id(), during.timestamp(), during.body(),
                during.signature())).isTrue();
        assertThat(StandardWebhooks.signedBy(List.of(newSecret), during.id(), during.timestamp(), during.body(),
                during.signature())).isTrue();
        var after = got.get(1);
        assertThat(after.signature().split(" ")).hasSize(1);
        assertThat(StandardWebhooks.signedBy(List.of(newSecret), after.id(), after.timestamp(), after.body(),
                after.signature())).isTrue();
        assertThat(StandardWebhooks.signedBy(List.of(endpoint.secret()), after.id(), after.timestamp(), after.body(),
                after.signature())).isFalse();
    }
}
