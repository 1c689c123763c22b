package io.orderkeep.sandbox.core;

import io.orderkeep.platform.Ids;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The sandbox's rules for payments and refunds. Each operation is one transaction that also writes the
 * notification of the status change it makes, so a change and its notification are never separated.
 */
public final class Ledger {

    /** A payment and whether this call created it (false: an idempotent replay). */
    public record Created(Payment payment, boolean created) {}

    /** A refund, the payment after it, and whether this call made it (false: an idempotent replay). */
    public record Refunded(Refund refund, Payment payment, boolean created) {}

    private final SandboxDatabase database;
    private final Outbox outbox;
    private final Clock clock;
    private final Runnable notificationsWritten;

    public Ledger(SandboxDatabase database, Outbox outbox, Clock clock, Runnable notificationsWritten) {
        this.database = database;
        this.outbox = outbox;
        this.clock = clock;
        this.notificationsWritten = notificationsWritten;
    }

    /**
     * Opens a payment, or returns the one already opened for {@code outTradeNo} if it asked for the same money (its
     * {@code reference} stays the first one's).
     */
    public Created create(String outTradeNo, long amount, String currency, String notifyUrl, String reference) {
        return database.inTransaction(c -> {
            Optional<Payment> existing = Payments.byOutTradeNo(c, outTradeNo);
            if (existing.isPresent()) {
                Payment p = existing.get();
                if (p.amount() != amount || !p.currency().equals(currency)) {
                    throw SandboxException.conflict("out_trade_no_reused", "outTradeNo '" + outTradeNo
                            + "' was already used for " + p.amount() + " " + p.currency() + ".");
                }
                return new Created(p, false);
            }
            Instant now = now();
            var payment = new Payment(Ids.next("sbx", clock), outTradeNo, amount, currency, notifyUrl,
                    PaymentStatus.PENDING, 0, null, now, null, null, null, now, reference);
            Payments.insert(c, payment);
            return new Created(payment, true);
        });
    }

    /** What a customer does at the pay page. Paying twice with the same outcome is answered with the same state. */
    public Payment pay(String providerRef, PaymentStatus outcome) {
        if (outcome != PaymentStatus.SUCCEEDED && outcome != PaymentStatus.FAILED) {
            throw new IllegalArgumentException("a payment outcome is SUCCEEDED or FAILED, got " + outcome);
        }
        Payment result = database.inTransaction(c -> {
            Payment p = load(c, providerRef);
            Instant now = now();
            return switch (p.status()) {
                case PENDING -> change(c, p, outcome == PaymentStatus.SUCCEEDED
                        ? new Payment(p.providerRef(), p.outTradeNo(), p.amount(), p.currency(), p.notifyUrl(),
                                outcome, 0, Ids.next("txn", clock), p.createdAt(), now, null, null, now,
                                p.reference())
                        : new Payment(p.providerRef(), p.outTradeNo(), p.amount(), p.currency(), p.notifyUrl(),
                                outcome, 0, null, p.createdAt(), null, now, null, now, p.reference()));
                case SUCCEEDED, PARTIALLY_REFUNDED, REFUNDED -> {
                    if (outcome == PaymentStatus.SUCCEEDED) {
                        yield p;
                    }
                    throw SandboxException.conflict("payment_paid", "The payment was already paid.", p);
                }
                case FAILED -> {
                    if (outcome == PaymentStatus.FAILED) {
                        yield p;
                    }
                    throw SandboxException.conflict("payment_failed",
                            "The payment failed; open a new one to try again.", p);
                }
                case CLOSED -> throw SandboxException.conflict("payment_closed",
                        "The payment was closed and can no longer be paid.", p);
            };
        });
        notificationsWritten.run();
        return result;
    }

    /**
     * Makes sure a payment can never be paid. A pending one becomes CLOSED; a closed or failed one is left as it is;
     * a paid one is refused with its status, so the caller learns that it was paid.
     */
    public Payment close(String providerRef) {
        Payment result = database.inTransaction(c -> {
            Payment p = load(c, providerRef);
            Instant now = now();
            return switch (p.status()) {
                case PENDING -> change(c, p, new Payment(p.providerRef(), p.outTradeNo(), p.amount(), p.currency(),
                        p.notifyUrl(), PaymentStatus.CLOSED, 0, null, p.createdAt(), null, null, now, now,
                        p.reference()));
                case CLOSED, FAILED -> p;
                case SUCCEEDED, PARTIALLY_REFUNDED, REFUNDED -> throw SandboxException.conflict("payment_paid",
                        "The payment was paid and cannot be closed; refund it instead.", p);
            };
        });
        notificationsWritten.run();
        return result;
    }

    /**
     * Sends money back, never more than what was paid and not yet refunded. A repeated {@code refundId} with the
     * same payment and amount returns the first refund; with anything else it is refused.
     */
    public Refunded refund(String providerRef, long amount, String refundId) {
        Refunded result = database.inTransaction(c -> {
            Payment p = load(c, providerRef);
            if (refundId != null) {
                Optional<Refund> earlier = Payments.refund(c, refundId);
                if (earlier.isPresent()) {
                    Refund r = earlier.get();
                    if (!r.providerRef().equals(providerRef) || r.amount() != amount) {
                        throw SandboxException.conflict("refund_id_reused", "refundId '" + refundId
                                + "' was already used for another refund.");
                    }
                    return new Refunded(r, p, false);
                }
            }
            if (!p.status().isPaid()) {
                throw SandboxException.conflict("payment_not_paid", "Only a paid payment can be refunded.", p);
            }
            if (amount > p.refundable()) {
                throw SandboxException.conflict("refund_exceeds_paid", "At most " + p.refundable()
                        + " can still be refunded.", p);
            }
            Instant now = now();
            var refund = new Refund(refundId != null ? refundId : Ids.next("rfd", clock), providerRef, amount, now);
            Payments.insertRefund(c, refund);
            long refunded = p.refundedAmount() + amount;
            Payment next = change(c, p, new Payment(p.providerRef(), p.outTradeNo(), p.amount(), p.currency(),
                    p.notifyUrl(), refunded == p.amount() ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED,
                    refunded, p.transactionId(), p.createdAt(), p.paidAt(), null, null, now, p.reference()));
            return new Refunded(refund, next, true);
        });
        notificationsWritten.run();
        return result;
    }

    public Optional<Payment> find(String providerRef) {
        return database.inTransaction(c -> Payments.byRef(c, providerRef));
    }

    public Optional<Payment> findByOutTradeNo(String outTradeNo) {
        return database.inTransaction(c -> Payments.byOutTradeNo(c, outTradeNo));
    }

    public List<Payment> page(String after, int limit) {
        return database.inTransaction(c -> Payments.page(c, after, limit));
    }

    public List<Refund> refundsOf(String providerRef) {
        return database.inTransaction(c -> Payments.refundsOf(c, providerRef));
    }

    /** Stored as epoch milliseconds, so answers are given in milliseconds too: a replay reads what was stored. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private Payment change(Connection c, Payment current, Payment next) throws SQLException {
        Payments.update(c, next, current.status());
        outbox.enqueue(c, next);
        return next;
    }

    private static Payment load(Connection c, String providerRef) throws SQLException {
        return Payments.byRef(c, providerRef)
                .orElseThrow(() -> SandboxException.notFound("Payment '" + providerRef + "' does not exist."));
    }
}
