package io.orderkeep.order.intake;

import io.orderkeep.order.OrderOpening;
import io.orderkeep.order.core.OrderViews;
import io.orderkeep.order.domain.Hop;
import io.orderkeep.order.jdbc.Hops;
import io.orderkeep.order.jdbc.IdempotencyKeys;
import io.orderkeep.order.jdbc.IdempotencyKeys.Key;
import io.orderkeep.order.jdbc.Orders;
import io.orderkeep.order.jdbc.StoredOrder;
import io.orderkeep.platform.ApiException;
import io.orderkeep.platform.Caller;
import io.orderkeep.platform.Ids;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Idempotent order intake (API.md, {@code POST /api/v1/orders}). One transaction claims the key and writes the
 * order; then the {@link OrderOpening}s run (the order is already durable); then the response is stored on the key
 * as final. A retry finds the key: a final response is replayed; an unfinished one is waited for briefly, or, when
 * its owner's lock expired (the process died between commit and response), taken over and finished.
 */
@Service
public class OrderIntake {

    /** The first response, or a replay of it. */
    public record Response(int status, String body, boolean replayed, String orderId) {}

    private static final Duration POLL = Duration.ofMillis(25);
    private static final Logger log = LoggerFactory.getLogger(OrderIntake.class);

    private final OrderRequests requests;
    private final OrderCreation creation;
    private final IdempotencyKeys keys;
    private final Orders orders;
    private final Hops hops;
    private final OrderViews views;
    private final List<OrderOpening> openings;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;
    /** How long a key's owner may take from commit to final response before another request takes over. */
    private final Duration lock;
    /** How long a retry waits for the first request of its key to finish before answering 409. */
    private final Duration wait;

    OrderIntake(OrderRequests requests, OrderCreation creation, IdempotencyKeys keys, Orders orders, Hops hops,
            OrderViews views, List<OrderOpening> openings, PlatformTransactionManager transactions, JsonMapper json,
            Clock clock, @Value("${orderkeep.orders.idempotency-lock:PT30S}") Duration lock,
            @Value("${orderkeep.orders.idempotency-wait:PT3S}") Duration wait) {
        this.requests = requests;
        this.creation = creation;
        this.keys = keys;
        this.orders = orders;
        this.hops = hops;
        this.views = views;
        this.openings = openings;
        this.tx = new TransactionTemplate(transactions);
        this.json = json;
        this.clock = clock;
        this.lock = lock;
        this.wait = wait;
    }

    public Response create(Caller caller, String idempotencyKey, JsonNode body) {
        IdempotencyKeyFormat.check(idempotencyKey);
        NewOrder order = requests.parse(body, caller);
        String hash = RequestHash.of(order);
        String merchantId = order.merchant().id();
        Instant now = clock.instant();
        String orderId = Ids.next("ord", clock);
        Object claimed = tx.execute(status -> {
            if (keys.claim(merchantId, idempotencyKey, hash, orderId, now.plus(lock), now)) {
                return creation.insert(orderId, order, caller.actor(), idempotencyKey, now);
            }
            return keys.find(merchantId, idempotencyKey).orElseThrow(() -> new IllegalStateException(
                    "idempotency key of merchant " + merchantId + " conflicted but cannot be read: indicates a bug"));
        });
        if (claimed instanceof StoredOrder created) {
            return finish(created, List.of(Hop.accepted(now)), idempotencyKey);
        }
        return existing((Key) claimed, hash);
    }

    private Response existing(Key key, String hash) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            if (!key.requestHash().equals(hash)) {
                throw new ApiException(422, "idempotency_key_reused", "Idempotency key reused",
                        "This Idempotency-Key was already used with a different request body.");
            }
            if (key.state() == IdempotencyKeys.State.DONE) {
                return new Response(key.responseStatus(), key.responseBody(), true, key.orderId());
            }
            if (key.lockedUntil().isBefore(clock.instant()) && keys.takeOver(key, clock.instant().plus(lock))) {
                log.info("taking over unfinished create of order {}", key.orderId());
                String orderId = key.orderId();
                StoredOrder order = orders.find(orderId).orElseThrow(() -> new IllegalStateException(
                        "idempotency key names order " + orderId + ", which does not exist: indicates a bug"));
                return finish(order, hops.of(order.id()), key.key());
            }
            if (System.nanoTime() > deadline) {
                throw new ApiException(409, "idempotency_request_in_progress", "Request in progress",
                        "A request with this Idempotency-Key is still being processed; retry shortly.",
                        List.of(), Map.of("Retry-After", "1"), Map.of());
            }
            pause();
            key = keys.find(key.merchantId(), key.key()).orElseThrow(() -> new IllegalStateException(
                    "idempotency key vanished while in progress: indicates a bug"));
        }
    }

    private Response finish(StoredOrder order, List<Hop> orderHops, String idempotencyKey) {
        Map<String, Object> paymentRequest = order.paymentRequest() == null ? Map.of() : order.paymentRequest();
        for (OrderOpening opening : openings) {
            try {
                opening.open(order.snapshot(), paymentRequest);
            } catch (RuntimeException e) {
                // The order is committed; the watch repairs what the opening left undone.
                log.warn("opening {} failed for order {}; the watch will repair it",
                        opening.getClass().getSimpleName(), order.id(), e);
            }
        }
        if (!openings.isEmpty()) {
            order = orders.find(order.id()).orElseThrow();
            orderHops = hops.of(order.id());
        }
        String body = json.writeValueAsString(views.render(order, orderHops, false));
        keys.complete(order.merchantId(), idempotencyKey, 201, body);
        return new Response(201, body, false, order.id());
    }

    private static void pause() {
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("Interrupted while waiting for a concurrent request.", 1);
        }
    }
}
