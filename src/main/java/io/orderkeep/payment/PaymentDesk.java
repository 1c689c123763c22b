package io.orderkeep.payment;

import io.orderkeep.order.Change;
import io.orderkeep.order.OrderLifecycle;
import io.orderkeep.order.OrderSnapshot;
import io.orderkeep.payment.domain.PaymentAttempt;
import io.orderkeep.payment.internal.PaymentOpener;
import io.orderkeep.payment.internal.RefundDesk;
import io.orderkeep.payment.internal.Watch;
import io.orderkeep.payment.jdbc.PaymentAttempts;
import io.orderkeep.platform.ApiException;
import io.orderkeep.platform.Caller;
import io.orderkeep.platform.Role;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

/**
 * A person's payment actions on an order, by the rules of API.md: recheck (ask the provider now and apply what it
 * says) and refund (through the provider, partial allowed); and the order's payment attempts as a reader may see
 * them. The API's payment endpoints and the console both act through here, so another merchant's order is 404 and
 * the audit trail names the caller.
 */
@Service
public class PaymentDesk {

    private final OrderLifecycle lifecycle;
    private final PaymentOpener opener;
    private final Watch watch;
    private final RefundDesk refunds;
    private final PaymentAttempts attempts;

    /** Lazy: the order module's lifecycle is built from the SPIs this module contributes (views, opening). */
    PaymentDesk(@Lazy OrderLifecycle lifecycle, PaymentOpener opener, Watch watch, RefundDesk refunds,
            PaymentAttempts attempts) {
        this.lifecycle = lifecycle;
        this.opener = opener;
        this.watch = watch;
        this.refunds = refunds;
        this.attempts = attempts;
    }

    /** Queries the provider for the order's latest attempt now; {@code source} is {@code api} or {@code console}. */
    public void recheck(Caller caller, String orderId, String source) {
        actionable(caller, orderId);
        opener.latest(orderId).ifPresent(attempt -> watch.check(attempt, Change.of(caller.actor(), "query",
                "recheck asked through the " + source)));
    }

    /** Refunds {@code amount} minor units through the provider. */
    public void refund(Caller caller, String orderId, long amount, String reason) {
        OrderSnapshot order = actionable(caller, orderId);
        if (amount <= 0) {
            throw ApiException.validation("amount", "must be a positive integer amount in minor units");
        }
        refunds.refund(order, amount, reason, caller.actor());
    }

    /** The order's payment attempts, first first: what the console's order page lists. */
    public List<Map<String, Object>> attempts(Caller caller, String orderId) {
        visible(caller, orderId);
        return attempts.ofOrder(orderId).stream().map(PaymentDesk::view).toList();
    }

    /** Payments waiting for the provider's answer (PENDING or UNKNOWN), per provider. */
    public record Waiting(String provider, long payments, Instant oldestOpenedAt) {}

    /**
     * What the dashboard can show in place of a notification lag, which is not recorded: per provider, how many
     * payments still wait for a result and since when the oldest does. Platform-wide, so not for merchant users.
     */
    public List<Waiting> waiting(Caller caller) {
        caller.require(Role.ADMIN, Role.OPERATOR, Role.AUDITOR);
        return attempts.waitingByProvider();
    }

    /** The order, if the caller may act on its payments; 404 for another merchant's, 403 for an auditor. */
    public OrderSnapshot actionable(Caller caller, String orderId) {
        caller.require(Role.ADMIN, Role.OPERATOR, Role.MERCHANT);
        return visible(caller, orderId);
    }

    private OrderSnapshot visible(Caller caller, String orderId) {
        return lifecycle.find(orderId).filter(o -> caller.canSee(o.merchantId()))
                .orElseThrow(() -> ApiException.notFound("Order", orderId));
    }

    private static Map<String, Object> view(PaymentAttempt a) {
        var view = new LinkedHashMap<String, Object>();
        view.put("id", a.id());
        view.put("provider", a.provider());
        view.put("attempt", a.number());
        view.put("status", a.status().name());
        view.put("amount", a.amount());
        view.put("currency", a.currency());
        view.put("providerRef", a.providerRef());
        view.put("openedAt", a.openedAt());
        view.put("queryCount", a.queryCount());
        view.put("expiresAt", a.expiresAt());
        return view;
    }
}
