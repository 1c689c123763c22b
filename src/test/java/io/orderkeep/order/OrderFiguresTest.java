package io.orderkeep.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderkeep.order.OrderFigures.UnreturnedFilter;
import io.orderkeep.platform.ApiException;
import io.orderkeep.platform.Caller;
import io.orderkeep.platform.Role;
import io.orderkeep.support.Api;
import io.orderkeep.support.DatabaseTest;
import io.orderkeep.support.MutableClock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The console's order figures and the hand resolution of an unreturned order, on SQLite and PostgreSQL. No provider
 * answers here (its address refuses connections), so every payment stays open and its hop falls due as the clock
 * moves.
 */
@DatabaseTest
@Import(MutableClock.Config.class)
@TestPropertySource(properties = {"orderkeep.providers.sandbox.url=http://127.0.0.1:1", "orderkeep.watch.enabled=false"})
class OrderFiguresTest {

    static final Caller OPERATOR = new Caller(Caller.Kind.USER, "figures-op", Role.OPERATOR, null);

    @LocalServerPort
    int port;
    @Autowired
    OrderFigures figures;
    @Autowired
    OrderDesk desk;
    @Autowired
    OrderQueries queries;
    @Autowired
    MutableClock clock;

    @Test
    void countsUnreturnedOrdersByHopAgeAndMerchantAndResolvesThemByHand() {
        Api admin = Api.at(port).asAdmin();
        String merchant = merchant(admin);
        String other = merchant(admin);
        String first = order(admin, merchant);
        String second = order(admin, merchant);
        order(admin, other);
        var all = new UnreturnedFilter(null, null, merchant, null);
        assertThat(figures.unreturned(OPERATOR, all, 200)).isEmpty();
        assertThat(figures.hourly(OPERATOR, 24).stream().mapToLong(OrderFigures.Hour::created).sum()).isGreaterThanOrEqualTo(3);

        clock.advance(Duration.ofDays(2));
        assertThat(figures.unreturned(OPERATOR, all, 200)).extracting(o -> o.get("id")).containsExactlyInAnyOrder(first, second);
        assertThat(figures.unreturned(OPERATOR, new UnreturnedFilter("payment", "gt_1d", merchant, "sandbox"), 200)).hasSize(2);
        assertThat(figures.unreturned(OPERATOR, new UnreturnedFilter("payment", "lt_5m", merchant, null), 200)).isEmpty();
        var summary = figures.summary(OPERATOR);
        assertThat(summary.unreturnedOrders()).isGreaterThanOrEqualTo(3);
        assertThat(summary.unreturnedByHop().get("payment").get("gt_1d")).isGreaterThanOrEqualTo(3);

        var shop = new Caller(Caller.Kind.USER, "shop", Role.MERCHANT, merchant);
        assertThat(figures.summary(shop).unreturnedOrders()).isEqualTo(2);
        assertThat(figures.summary(shop).byStatus()).containsEntry("PENDING_PAYMENT", 2L);
        assertThatThrownBy(() -> figures.unreturned(shop, new UnreturnedFilter(null, null, other, null), 200))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> desk.resolve(shop, first, "not mine to say", "console"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403));

        desk.resolve(OPERATOR, first, "paid by bank transfer", "console");
        assertThat(figures.unreturned(OPERATOR, all, 200)).extracting(o -> o.get("id")).containsExactly(second);
        var last = queries.history(OPERATOR, first).getLast();
        assertThat(last).containsEntry("type", "order.repaired").containsEntry("actor", "user:figures-op")
                .containsEntry("reason", "paid by bank transfer");
    }

    @Test
    void theProviderFilterCountsAnOrderByTheProviderItsPaymentWasOpenedWith() {
        Api admin = Api.at(port).asAdmin();
        String merchant = merchant(admin);
        String named = order(admin, merchant);
        String unnamed = order(admin, merchant, null);
        // The order that names no provider had its payment opened with the default one: that is its provider.
        assertThat(admin.get("/api/v1/orders/" + unnamed).json().path("payment").path("provider").asString())
                .isEqualTo(OrderFigures.DEFAULT_PROVIDER);
        assertThat(OrderFigures.DEFAULT_PROVIDER).isEqualTo(io.orderkeep.payment.internal.Providers.DEFAULT);
        clock.advance(Duration.ofDays(2));

        assertThat(figures.unreturned(OPERATOR, new UnreturnedFilter(null, null, merchant, "sandbox"), 200))
                .extracting(o -> o.get("id")).containsExactlyInAnyOrder(named, unnamed);
        assertThat(figures.unreturned(OPERATOR, new UnreturnedFilter(null, null, merchant, "alipay"), 200))
                .as("no order of another provider, named or not").isEmpty();
        assertThat(figures.unreturned(OPERATOR, new UnreturnedFilter(null, null, merchant, " sandbox "), 200))
                .hasSize(2);
    }

    static String merchant(Api admin) {
        String id = "m_" + UUID.randomUUID().toString().substring(0, 8);
        admin.post("/api/v1/merchants", Map.of("id", id, "name", "Figures " + id));
        return id;
    }

    static String order(Api admin, String merchant) {
        return order(admin, merchant, "sandbox");
    }

    /** An order whose {@code payment.provider} is {@code provider}, or with no payment object at all when null. */
    static String order(Api admin, String merchant, String provider) {
        var body = new LinkedHashMap<String, Object>();
        body.put("merchantId", merchant);
        body.put("currency", "CNY");
        body.put("items", List.of(Map.of("sku", "TEA-01", "name", "Oolong", "quantity", 1, "unitAmount", 1000)));
        body.put("customer", Map.of("name", "Li Wei", "email", "li.wei@example.com"));
        if (provider != null) {
            body.put("payment", Map.of("provider", provider));
        }
        var response = admin.header("Idempotency-Key", UUID.randomUUID().toString()).post("/api/v1/orders", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("id").asString();
    }
}
