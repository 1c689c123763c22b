package io.orderkeep.payment.internal;

import io.orderkeep.audit.AuditTrail;
import io.orderkeep.order.Change;
import io.orderkeep.order.HopLedger;
import io.orderkeep.order.OrderLifecycle;
import io.orderkeep.order.OrderOpening;
import io.orderkeep.order.OrderSnapshot;
import io.orderkeep.order.domain.HopName;
import io.orderkeep.payment.CreatePayment;
import io.orderkeep.payment.ProviderPayment;
import io.orderkeep.payment.ProviderRejected;
import io.orderkeep.payment.ProviderSettings;
import io.orderkeep.payment.ProviderUnavailable;
import io.orderkeep.payment.domain.AttemptStatus;
import io.orderkeep.payment.domain.PaymentAttempt;
import io.orderkeep.payment.domain.QuerySchedule;
import io.orderkeep.payment.jdbc.PaymentAttempts;
import io.orderkeep.platform.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens payment attempts: the first one right after an order is stored ({@link OrderOpening}), later ones after a
 * failure. The attempt is written first as UNKNOWN, then the provider is asked: if we crash or the provider does not
 * answer in between, the watch finds the attempt and asks the provider about it by its id. Running this twice for
 * one order finds the open attempt and, if the provider never confirmed it, repeats the (idempotent) create.
 */
@Component
public class PaymentOpener implements OrderOpening {

    private static final Logger log = LoggerFactory.getLogger(PaymentOpener.class);

    private final PaymentAttempts attempts;
    private final Providers providers;
    private final Outcomes outcomes;
    private final OrderLifecycle lifecycle;
    private final HopLedger hops;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    PaymentOpener(PaymentAttempts attempts, Providers providers, Outcomes outcomes, @Lazy OrderLifecycle lifecycle,
            @Lazy HopLedger hops, AuditTrail audit, TransactionTemplate tx, Clock clock) {
        this.attempts = attempts;
        this.providers = providers;
        this.outcomes = outcomes;
        this.lifecycle = lifecycle;
        this.hops = hops;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void open(OrderSnapshot order, Map<String, Object> paymentRequest) {
        Object requested = paymentRequest == null ? null : paymentRequest.get("provider");
        String name = requested != null ? requested.toString() : order.paymentProvider();
        String provider = name == null ? Providers.DEFAULT : name;
        if (providers.find(provider).isEmpty()) {
            lifecycle.flagNeedsAttention(order.id(), Change.of("system", "api",
                    "the order asks for payment provider '" + provider + "', which is not configured"));
            return;
        }
        PaymentAttempt attempt = tx.execute(status -> attempts.latest(order.id())
                .filter(a -> a.status().isOpen() || a.status() == AttemptStatus.SUCCEEDED)
                .orElseGet(() -> insert(order.id(), provider, 1, order.totalAmount(), order.currency())));
        if (attempt.status().isOpen() && attempt.providerRef() == null) {
            create(attempt, "api", request(attempt, order.reference()));
        }
    }

    /**
     * Opens the attempt after {@code failed}; if another request just did so, answers that one.
     * @return the new attempt as the provider left it
     */
    public PaymentAttempt openAfter(PaymentAttempt failed, String source) {
        PaymentAttempt next = tx.execute(status -> {
            attempts.lock(failed.id()).ifPresent(a -> attempts.update(
                    Outcomes.with(a, a.status(), a.providerRef(), a.payUrl(), null, a.queryCount()), false));
            return insert(failed.orderId(), failed.provider(), failed.number() + 1, failed.amount(), failed.currency());
        });
        return next.providerRef() == null ? create(next, source, request(next)) : next;
    }

    private PaymentAttempt insert(String orderId, String provider, int number, long amount, String currency) {
        ProviderSettings settings = providers.get(provider).settings();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(settings.expiryWindow());
        var attempt = new PaymentAttempt(Ids.next("pay", clock), orderId, provider, number, AttemptStatus.UNKNOWN,
                amount, currency, null, null, now, new QuerySchedule(settings.querySchedule()).first(now), 0,
                expiresAt, 0);
        if (!attempts.insert(attempt)) {
            return attempts.latest(orderId).orElseThrow();
        }
        hops.open(orderId, HopName.PAYMENT, expiresAt);
        audit.record("system", "payment.opened", "payment", attempt.id(), Map.of("orderId", orderId,
                "provider", provider, "attempt", number, "amount", amount, "currency", currency));
        return attempt;
    }

    /** Asks the provider to create the payment; an unclear answer leaves the attempt UNKNOWN for the watch. */
    private PaymentAttempt create(PaymentAttempt attempt, String source, CreatePayment request) {
        Change change = Change.of("provider:" + attempt.provider(), source, "the provider answered the payment's creation");
        try {
            ProviderPayment created = providers.call(attempt.provider(), p -> p.create(request));
            return outcomes.apply(attempt.id(), created, change, false, false).attempt();
        } catch (ProviderUnavailable e) {
            log.warn("payment {} is UNKNOWN: {}", attempt.id(), e.getMessage());
            return attempt;
        } catch (ProviderRejected e) {
            log.warn("payment {} was refused by {}: {}", attempt.id(), attempt.provider(), e.getMessage());
            var failed = new ProviderPayment(null, attempt.id(), ProviderPayment.Status.FAILED, null, -1, null, false);
            return outcomes.apply(attempt.id(), failed, change, false, false).attempt();
        }
    }

    /** The (idempotent) create of {@code attempt}, the same body every time it is sent. */
    CreatePayment request(PaymentAttempt attempt) {
        return request(attempt, lifecycle.find(attempt.orderId()).map(OrderSnapshot::reference).orElse(null));
    }

    private CreatePayment request(PaymentAttempt attempt, String reference) {
        return new CreatePayment(attempt.id(), attempt.amount(), attempt.currency(),
                providers.notifyUrl(attempt.provider()), reference);
    }

    public Optional<PaymentAttempt> latest(String orderId) {
        return attempts.latest(orderId);
    }
}
