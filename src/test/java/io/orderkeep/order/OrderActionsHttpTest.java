package io.orderkeep.order;

import static io.orderkeep.order.OrderFixtures.created;
import static io.orderkeep.order.OrderFixtures.key;
import static io.orderkeep.order.OrderFixtures.newMerchant;
import static io.orderkeep.order.OrderFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.order.domain.OrderCommand;
import io.orderkeep.support.Api;
import io.orderkeep.support.DatabaseTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** {@code POST /api/v1/orders/{id}/cancel|fulfil|complete}. */
@DatabaseTest
@Import(OrderTestConfig.class)
class OrderActionsHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    OrderLifecycle lifecycle;

    Api admin;
    String merchant;

    @BeforeEach
    void setUp() {
        admin = Api.at(port).asAdmin();
        merchant = newMerchant(Api.at(port));
    }

    @Test
    void unpaidOrderIsCancelledWithItsReason() {
        String id = created(admin, order(merchant));
        var cancelled = admin.post("/api/v1/orders/" + id + "/cancel", Map.of("reason", "customer changed their mind"));
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().path("version").asLong()).isEqualTo(2);
        var last = admin.get("/api/v1/orders/" + id + "/history").json().path("data").get(1);
        assertThat(last.path("type").asString()).isEqualTo("order.cancelled");
        assertThat(last.path("fromStatus").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(last.path("toStatus").asString()).isEqualTo("CANCELLED");
        assertThat(last.path("reason").asString()).isEqualTo("customer changed their mind");
        assertThat(admin.post("/api/v1/orders/" + id + "/cancel").json().path("version").asLong())
                .as("cancelling again changes nothing").isEqualTo(2);
    }

    @Test
    void cancellationGuardMayRefuseAndNothingChanges() {
        String id = created(admin, order(merchant));
        var refused = admin.post("/api/v1/orders/" + id + "/cancel", Map.of("reason", "paid meanwhile"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("order_paid");
        var order = admin.get("/api/v1/orders/" + id).json();
        assertThat(order.path("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(order.path("version").asLong()).isEqualTo(1);
    }

    @Test
    void paidOrderIsNotCancelledButFulfilledAndCompleted() {
        String id = created(admin, order(merchant));
        lifecycle.apply(id, new OrderCommand.MarkPaid(), Change.of("provider:sandbox", "notification", null));
        var refused = admin.post("/api/v1/orders/" + id + "/cancel", Map.of("reason", "too late"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("illegal_transition");
        assertThat(refused.json().path("currentStatus").asString()).isEqualTo("PAID");
        assertThat(refused.json().path("detail").asString()).contains("PAID");

        assertThat(admin.post("/api/v1/orders/" + id + "/fulfil").json().path("status").asString()).isEqualTo("FULFILLED");
        assertThat(admin.post("/api/v1/orders/" + id + "/complete").json().path("status").asString()).isEqualTo("COMPLETED");
        assertThat(admin.post("/api/v1/orders/" + id + "/complete").status()).isEqualTo(200);
    }

    @Test
    void unpaidOrderCannotBeFulfilledOrCompleted() {
        String id = created(admin, order(merchant));
        var fulfil = admin.post("/api/v1/orders/" + id + "/fulfil");
        assertThat(fulfil.code()).isEqualTo("illegal_transition");
        assertThat(fulfil.json().path("currentStatus").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(admin.post("/api/v1/orders/" + id + "/complete").code()).isEqualTo("illegal_transition");
    }

    @Test
    void merchantActsOnItsOwnOrdersOnlyAndAuditorNotAtAll() {
        String id = created(admin, order(merchant));
        var stranger = Api.at(port).as(key(Api.at(port), "merchant", newMerchant(Api.at(port))));
        assertThat(stranger.post("/api/v1/orders/" + id + "/cancel").code()).isEqualTo("not_found");
        var auditor = Api.at(port).as(key(Api.at(port), "auditor", null));
        assertThat(auditor.post("/api/v1/orders/" + id + "/cancel").code()).isEqualTo("forbidden");
        var operator = Api.at(port).as(key(Api.at(port), "operator", null));
        var shop = Api.at(port).as(key(Api.at(port), "merchant", merchant));
        assertThat(shop.post("/api/v1/orders/" + id + "/cancel").json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(operator.post("/api/v1/orders/" + id + "/fulfil").code()).isEqualTo("illegal_transition");
        assertThat(admin.post("/api/v1/orders/ord_nope/fulfil").code()).isEqualTo("not_found");
    }

    @Test
    void badReasonIsNamed() {
        String id = created(admin, order(merchant));
        var response = admin.post("/api/v1/orders/" + id + "/cancel", Map.of("reason", 42));
        assertThat(response.code()).isEqualTo("validation_failed");
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("reason");
        assertThat(admin.get("/api/v1/orders/" + id).json().path("status").asString()).isEqualTo("PENDING_PAYMENT");
    }
}
