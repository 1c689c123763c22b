package io.orderkeep.order;

import static io.orderkeep.order.OrderFixtures.created;
import static io.orderkeep.order.OrderFixtures.key;
import static io.orderkeep.order.OrderFixtures.newMerchant;
import static io.orderkeep.order.OrderFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.order.domain.HopName;
import io.orderkeep.support.Api;
import io.orderkeep.support.DatabaseTest;
import io.orderkeep.support.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/** Reading orders: one, a list with filters and cursors, the history; who sees what. */
@DatabaseTest
@Import(OrderTestConfig.class)
class OrdersHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    HopLedger hops;

    @Autowired
    TrackingLinks links;

    Api admin;
    String merchant;

    @BeforeEach
    void setUp() {
        admin = Api.at(port).asAdmin();
        merchant = newMerchant(Api.at(port));
    }

    @Test
    void orderIsReadAsCreated() {
        var create = OrderFixtures.create(admin, order(merchant));
        String id = create.json().path("id").asString();
        var read = admin.get("/api/v1/orders/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(create.json());
        assertThat(admin.get("/api/v1/orders/ord_nope").code()).isEqualTo("not_found");
    }

    @Test
    void trackingLinkCarriesAVerifiableToken() {
        String id = created(admin, order(merchant));
        String url = admin.get("/api/v1/orders/" + id).json().path("trackingUrl").asString();
        String token = url.substring(url.indexOf("?t=") + 3);
        assertThat(links.verify(id, token)).isTrue();
        assertThat(links.verify(id, token + "x")).isFalse();
        assertThat(links.verify("ord_other", token)).isFalse();
    }

    @Test
    void auditorSeesContactDataMaskedAndMerchantSeesItsOwn() {
        String id = created(admin, order(merchant));
        var auditor = Api.at(port).as(key(Api.at(port), "auditor", null));
        var customer = auditor.get("/api/v1/orders/" + id).json().path("customer");
        assertThat(customer.path("email").asString()).isEqualTo("l***@example.com");
        assertThat(customer.path("phone").asString()).isEqualTo("+86138****8000");
        assertThat(auditor.get("/api/v1/orders?merchantId=" + merchant).body()).doesNotContain("li.wei@example.com");

        var shop = Api.at(port).as(key(Api.at(port), "merchant", merchant));
        assertThat(shop.get("/api/v1/orders/" + id).json().path("customer").path("email").asString())
                .isEqualTo("li.wei@example.com");
    }

    @Test
    void merchantKeyCannotSeeAnotherMerchantsOrders() {
        String id = created(admin, order(merchant));
        var stranger = Api.at(port).as(key(Api.at(port), "merchant", newMerchant(Api.at(port))));
        assertThat(stranger.get("/api/v1/orders/" + id).code()).isEqualTo("not_found");
        assertThat(stranger.get("/api/v1/orders/" + id + "/history").code()).isEqualTo("not_found");
        assertThat(stranger.get("/api/v1/orders").json().path("data")).isEmpty();
        assertThat(stranger.get("/api/v1/orders?merchantId=" + merchant).json().path("data")).isEmpty();
    }

    @Test
    void listIsNewestFirstWithCursorPages() {
        var ids = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            ids.add(created(admin, order(merchant)));
            clock.advance(Duration.ofMillis(1));
        }
        var seen = new ArrayList<String>();
        String cursor = "";
        do {
            var page = admin.get("/api/v1/orders?merchantId=" + merchant + "&limit=2" + (cursor.isEmpty() ? "" : "&cursor=" + cursor)).json();
            page.path("data").forEach(o -> seen.add(o.path("id").asString()));
            cursor = page.path("nextCursor").isNull() ? "" : page.path("nextCursor").asString();
        } while (!cursor.isEmpty());
        assertThat(seen).containsExactlyElementsOf(ids.reversed());
    }

    @Test
    void listFiltersByStatusTimeUnreturnedAndNeedsAttention(@Autowired OrderLifecycle lifecycle) {
        String paid = created(admin, order(merchant));
        lifecycle.apply(paid, new io.orderkeep.order.domain.OrderCommand.MarkPaid(), Change.of("system", "test", null));
        clock.advance(Duration.ofSeconds(1));
        String late = created(admin, order(merchant));
        hops.open(late, HopName.PAYMENT, clock.instant().plusSeconds(60));
        lifecycle.flagNeedsAttention(late, Change.of("system", "test", "provider silent"));
        String base = "/api/v1/orders?merchantId=" + merchant;

        assertThat(ids(admin.get(base + "&status=PAID"))).containsExactly(paid);
        assertThat(ids(admin.get(base + "&needsAttention=true"))).containsExactly(late);
        assertThat(ids(admin.get(base + "&unreturned=true"))).isEmpty();
        clock.advance(Duration.ofMinutes(2));
        assertThat(ids(admin.get(base + "&unreturned=true"))).containsExactly(late);
        assertThat(admin.get("/api/v1/orders/" + late).json().path("unreturned").asBoolean()).isTrue();
        assertThat(ids(admin.get(base + "&unreturned=false"))).containsExactly(paid);

        String createdOfPaid = admin.get("/api/v1/orders/" + paid).json().path("createdAt").asString();
        assertThat(ids(admin.get(base + "&createdTo=" + createdOfPaid))).isEmpty();
        assertThat(ids(admin.get(base + "&createdFrom=" + createdOfPaid))).containsExactly(late, paid);
    }

    @Test
    void badFiltersAreNamed() {
        assertThat(field(admin.get("/api/v1/orders?status=LOST"))).isEqualTo("status");
        assertThat(field(admin.get("/api/v1/orders?createdFrom=yesterday"))).isEqualTo("createdFrom");
        assertThat(field(admin.get("/api/v1/orders?limit=0"))).isEqualTo("limit");
        assertThat(field(admin.get("/api/v1/orders?unreturned=maybe"))).isEqualTo("unreturned");
        assertThat(field(admin.get("/api/v1/orders?cursor=bm9wZQ"))).isEqualTo("cursor");
    }

    @Test
    void historyStartsWithCreation() {
        String id = created(admin, order(merchant));
        var history = admin.get("/api/v1/orders/" + id + "/history").json().path("data");
        assertThat(history).hasSize(1);
        JsonNode created = history.get(0);
        assertThat(created.path("seq").asLong()).isEqualTo(1);
        assertThat(created.path("type").asString()).isEqualTo("order.created");
        assertThat(created.path("fromStatus").isNull()).isTrue();
        assertThat(created.path("toStatus").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(created.path("actor").asString()).startsWith("key:key_");
        assertThat(created.path("source").asString()).isEqualTo("api");
        assertThat(created.path("at").asString()).endsWith("Z");
    }

    private static List<String> ids(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        var ids = new ArrayList<String>();
        response.json().path("data").forEach(o -> ids.add(o.path("id").asString()));
        return ids;
    }

    private static String field(Api.Response response) {
        assertThat(response.code()).as(response.toString()).isEqualTo("validation_failed");
        return response.json().path("errors").get(0).path("field").asString();
    }
}
