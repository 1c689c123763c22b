package io.orderkeep.payment;

import io.orderkeep.order.OrderSnapshot;
import io.orderkeep.order.domain.OrderStatus;
import io.orderkeep.payment.domain.AttemptStatus;
import io.orderkeep.payment.domain.PaymentAttempt;
import io.orderkeep.payment.internal.PaymentOpener;
import io.orderkeep.platform.ApiException;
import org.springframework.stereotype.Component;

/**
 * A new payment attempt after the last one failed: what {@code POST /api/v1/orders/{id}/payments} does for a
 * merchant and the tracking page's "try again" does for the customer. Only an unpaid order whose last attempt
 * {@code FAILED} gets one; an attempt that is {@code PENDING} or {@code UNKNOWN} may still take the money, so a
 * second one then could charge the customer twice.
 */
@Component
public class PaymentRetry {

    private final PaymentOpener opener;

    PaymentRetry(PaymentOpener opener) {
        this.opener = opener;
    }

    /** Whether the order may get a new attempt now. */
    public boolean allowed(OrderSnapshot order) {
        return order.status() == OrderStatus.PENDING_PAYMENT
                && opener.latest(order.id()).filter(last -> last.status() == AttemptStatus.FAILED).isPresent();
    }

    /**
     * Opens the new attempt, or answers the one a concurrent request just opened; 409 {@code payment_not_failed}
     * when the order may not have one.
     *
     * @param source where the request came from ({@code api}, {@code tracking}), for the history
     * @return the attempt as the provider left it: its {@code payUrl} is null while the provider has not answered
     *     (the attempt is then {@code UNKNOWN} and the watch asks about it)
     */
    public PaymentAttempt open(OrderSnapshot order, String source) {
        PaymentAttempt last = opener.latest(order.id()).orElse(null);
        if (order.status() != OrderStatus.PENDING_PAYMENT || last == null || last.status() != AttemptStatus.FAILED) {
            throw ApiException.conflict("payment_not_failed", "Payment not failed", "A new payment attempt opens only "
                    + "for an unpaid order whose last attempt FAILED; order " + order.id() + " is " + order.status()
                    + (last == null ? " with no payment attempt." : " and its last attempt is " + last.status() + "."));
        }
        return opener.openAfter(last, source);
    }
}
