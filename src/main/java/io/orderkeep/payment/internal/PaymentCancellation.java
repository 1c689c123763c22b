package io.orderkeep.payment.internal;

import io.orderkeep.order.CancellationGuard;
import io.orderkeep.order.Change;
import io.orderkeep.order.OrderSnapshot;
import io.orderkeep.order.domain.OrderStatus;
import io.orderkeep.payment.ProviderPayment;
import io.orderkeep.payment.ProviderUnavailable;
import io.orderkeep.payment.domain.AttemptStatus;
import io.orderkeep.payment.domain.PaymentAttempt;
import io.orderkeep.platform.ApiException;
import org.springframework.stereotype.Component;

/**
 * Before an order is cancelled, its open payment is closed at the provider. If the provider says it was paid, the
 * order is marked paid instead and the cancel refused (409 {@code order_paid}); if the provider cannot be reached,
 * the cancel is refused too (503), because closing only on our side could lose a payment — unless the provider never
 * confirmed the payment at all (no reference, so the customer never had a pay URL): that attempt is given up.
 */
@Component
public class PaymentCancellation implements CancellationGuard {

    private final PaymentOpener opener;
    private final Providers providers;
    private final Outcomes outcomes;

    PaymentCancellation(PaymentOpener opener, Providers providers, Outcomes outcomes) {
        this.opener = opener;
        this.providers = providers;
        this.outcomes = outcomes;
    }

    @Override
    public void beforeCancel(OrderSnapshot order, Change change) {
        PaymentAttempt attempt = opener.latest(order.id()).orElse(null);
        if (order.status() != OrderStatus.PENDING_PAYMENT || attempt == null || !attempt.status().isOpen()) {
            return;
        }
        ProviderPayment answer;
        try {
            answer = providers.call(attempt.provider(), p -> p.query(attempt.id()));
            if (answer.status() == ProviderPayment.Status.PENDING) {
                String ref = answer.providerRef();
                answer = providers.call(attempt.provider(), p -> p.close(attempt.id(), ref));
            }
        } catch (ProviderUnavailable e) {
            if (outcomes.abandon(attempt.id(), change)) {
                return;
            }
            throw ApiException.unavailable("The payment provider could not confirm that the order is unpaid; try again.", 30);
        }
        if (answer.status() == ProviderPayment.Status.NOT_FOUND) {
            return;
        }
        var applied = outcomes.apply(attempt.id(), answer,
                new Change(change.actor(), "api", "the provider was asked before cancelling", change.detail()), false, false);
        if (applied.attempt().status() == AttemptStatus.SUCCEEDED) {
            throw ApiException.conflict("order_paid", "Order paid",
                    "The provider reports order " + order.id() + " as paid, so it cannot be cancelled.");
        }
        if (applied.attempt().status().isOpen()) {
            throw ApiException.unavailable("The payment provider did not close the payment; try again.", 30);
        }
    }
}
