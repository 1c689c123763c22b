package io.orderkeep.order;

import static io.orderkeep.order.OrderFixtures.newMerchant;
import static io.orderkeep.order.OrderFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.order.intake.IdempotencyCleanup;
import io.orderkeep.support.Api;
import io.orderkeep.support.DatabaseTest;
import io.orderkeep.support.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One idempotency key, one order: under concurrency, with an unfinished first request, and after retention. */
@DatabaseTest
@Import(OrderTestConfig.class)
class IdempotencyHttpTest {

    static final int CLIENTS = 32;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    IdempotencyCleanup cleanup;

    @Autowired
    OrderTestConfig.RecordingOpening opening;

    Api admin;
    String merchant;

    @BeforeEach
    void setUp() {
        admin = Api.at(port).asAdmin();
        merchant = newMerchant(Api.at(port));
    }

    @Test
    void concurrentCreatesWithOneKeyAndOneBodyMakeOneOrderAndIdenticalResponses() throws Exception {
        var api = admin.header("Idempotency-Key", "same-" + merchant);
        var responses = concurrently(i -> api.post("/api/v1/orders", order(merchant)));
        assertThat(countOrders()).isEqualTo(1);
        assertThat(responses).extracting(Api.Response::status).containsOnly(201);
        assertThat(responses).extracting(Api.Response::body).containsOnly(responses.getFirst().body());
        assertThat(responses).filteredOn(r -> r.header("Idempotent-Replayed") == null).hasSize(1);
    }

    @Test
    void concurrentCreatesWithOneKeyAndDifferentBodiesMakeOneOrder() throws Exception {
        var api = admin.header("Idempotency-Key", "different-" + merchant);
        var responses = concurrently(i -> {
            var body = order(merchant);
            body.put("merchantOrderRef", "REF-" + i);
            return api.post("/api/v1/orders", body);
        });
        assertThat(countOrders()).isEqualTo(1);
        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() != 201)
                .allSatisfy(r -> assertThat(r.code()).isIn("idempotency_key_reused", "idempotency_request_in_progress"));
    }

    @Test
    void unfinishedFirstRequestIsInProgressUntilItsLockExpiresThenTakenOver() {
        var api = admin.header("Idempotency-Key", "crashed-" + merchant);
        var first = api.post("/api/v1/orders", order(merchant));
        // As if the process died after the order committed and before the response was stored.
        jdbc.sql("UPDATE idempotency_keys SET state = 'IN_PROGRESS', response_status = NULL, response_body = NULL,"
                        + " locked_until = ? WHERE merchant_id = ?")
                .params(clock.instant().plusSeconds(30).toEpochMilli(), merchant).update();

        var waiting = api.post("/api/v1/orders", order(merchant));
        assertThat(waiting.status()).isEqualTo(409);
        assertThat(waiting.code()).isEqualTo("idempotency_request_in_progress");
        assertThat(waiting.header("Retry-After")).isEqualTo("1");

        clock.advance(Duration.ofSeconds(31));
        var resumed = api.post("/api/v1/orders", order(merchant));
        assertThat(resumed.status()).isEqualTo(201);
        assertThat(resumed.json().path("id")).isEqualTo(first.json().path("id"));
        assertThat(opening.timesOpened(first.json().path("id").asString())).as("the opening runs again").isEqualTo(2);
        assertThat(countOrders()).isEqualTo(1);
        var replay = api.post("/api/v1/orders", order(merchant));
        assertThat(replay.body()).isEqualTo(resumed.body());
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void keysAreKeptSevenDaysThenForgotten() {
        var api = admin.header("Idempotency-Key", "old-" + merchant);
        api.post("/api/v1/orders", order(merchant));
        clock.advance(Duration.ofDays(6));
        cleanup.purge();
        assertThat(api.post("/api/v1/orders", order(merchant)).header("Idempotent-Replayed")).isEqualTo("true");
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(cleanup.purge()).isPositive();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM idempotency_keys WHERE merchant_id = ?").param(merchant)
                .query(Long.class).single()).isZero();
    }

    private long countOrders() {
        return jdbc.sql("SELECT COUNT(*) FROM orders WHERE merchant_id = ?").param(merchant).query(Long.class).single();
    }

    interface Request {
        Api.Response send(int client);
    }

    private static List<Api.Response> concurrently(Request request) throws Exception {
        var barrier = new CyclicBarrier(CLIENTS);
        try (var pool = Executors.newFixedThreadPool(CLIENTS)) {
            var futures = new ArrayList<Future<Api.Response>>();
            for (int i = 0; i < CLIENTS; i++) {
                int client = i;
                futures.add(pool.submit((Callable<Api.Response>) () -> {
                    barrier.await();
                    return request.send(client);
                }));
            }
            var responses = new ArrayList<Api.Response>();
            for (var future : futures) {
                responses.add(future.get());
            }
            return responses;
        }
    }
}
