package io.orderkeep.ops;

import io.orderkeep.ops.evidence.ChainProof;
import io.orderkeep.ops.evidence.EvidenceQueries;
import io.orderkeep.ops.logging.LogMasking;
import io.orderkeep.order.OrderQueries;
import io.orderkeep.payment.PaymentRecords;
import io.orderkeep.reconcile.Discrepancies;
import io.orderkeep.reconcile.Discrepancy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * One order's whole story as one JSON-ready document, for a dispute or a complaint: the order, its history, its
 * hop ledger, its payment attempts and refunds, the provider notifications and queries, the webhook deliveries with
 * every attempt, the customer e-mails (the customer hop), the reconciliation discrepancies naming it, and the audit
 * entries about any of them with their {@link ChainProof} — so that a third party can recompute every hash and check
 * every link with the algorithm the document states.
 */
@Component
public class OrderEvidence {

    private final EvidenceQueries q;
    private final OrderQueries orderQueries;
    private final PaymentRecords payments;
    private final Discrepancies discrepancies;
    private final JsonMapper json;
    private final Clock clock;

    OrderEvidence(EvidenceQueries q, OrderQueries orders, PaymentRecords payments, Discrepancies discrepancies,
            JsonMapper json, Clock clock) {
        this.q = q;
        this.orderQueries = orders;
        this.payments = payments;
        this.discrepancies = discrepancies;
        this.json = json;
        this.clock = clock;
    }

    /** The merchant of the order, to decide who may see its evidence; empty when there is no such order. */
    public Optional<String> merchantOf(String orderId) {
        return q.rows("SELECT merchant_id FROM orders WHERE id = ?", orderId).stream()
                .map(r -> (String) r.get("merchantId")).findFirst();
    }

    /** The document; {@code withContact} false masks the customer's e-mail and phone. Empty for an unknown order. */
    @Transactional(readOnly = true)
    public Optional<Map<String, Object>> of(String orderId, boolean withContact) {
        List<Map<String, Object>> orders = q.rows("SELECT * FROM orders WHERE id = ?", orderId);
        if (orders.isEmpty()) {
            return Optional.empty();
        }
        var order = new LinkedHashMap<>(orders.getFirst());
        for (String jsonColumn : List.of("items", "customer", "shippingAddress", "metadata", "paymentRequest")) {
            order.computeIfPresent(jsonColumn, (k, v) -> parsed(v));
        }
        if (!withContact) {
            order.computeIfPresent("customer", (k, v) -> parsed(LogMasking.mask(json.writeValueAsString(v))));
            order.computeIfPresent("customerEmail", (k, v) -> LogMasking.mask((String) v));
        }
        var attempts = q.rows("SELECT * FROM payment_attempts WHERE order_id = ? ORDER BY number", orderId);
        attempts.forEach(a -> { a.remove("leaseOwner"); a.remove("leaseUntil"); });
        List<String> attemptIds = attempts.stream().map(a -> (String) a.get("id")).toList();
        var deliveries = q.rows("""
                SELECT d.*, e.type AS event_type FROM webhook_deliveries d JOIN delivery_events e ON e.id = d.event_id
                WHERE d.order_id = ? ORDER BY d.order_seq, d.endpoint_id""", orderId);
        for (var d : deliveries) {
            d.remove("leaseOwner");
            d.remove("leaseUntil");
            d.put("attempts", q.rows("SELECT * FROM webhook_attempts WHERE delivery_id = ? ORDER BY attempt", d.get("id")));
        }
        List<String> deliveryIds = deliveries.stream().map(d -> (String) d.get("id")).toList();
        var emails = q.rows("SELECT * FROM customer_emails WHERE order_id = ? ORDER BY created_at, id", orderId);
        for (var e : emails) {
            e.remove("leaseOwner");
            e.remove("leaseUntil");
            if (!withContact) {
                e.computeIfPresent("recipient", (k, v) -> LogMasking.mask((String) v));
            }
        }
        var refunds = refunds(orderId);
        List<String> refundIds = refunds.stream().map(r -> (String) r.get("refundId")).toList();
        var found = discrepancies.ofOrder(orderId);
        List<String> discrepancyIds = found.stream().map(Discrepancy::id).toList();
        List<String> targets = Stream.of(List.of(orderId), attemptIds, deliveryIds, refundIds, discrepancyIds)
                .flatMap(List::stream).toList();
        var audit = new ArrayList<>(q.rowsIn("SELECT * FROM audit_entries WHERE target_id IN", targets, "ORDER BY seq"));
        audit.addAll(rejectedNotifications(attempts));
        audit.sort(Comparator.comparingLong(a -> ((Number) a.get("seq")).longValue()));
        var history = q.rows("SELECT * FROM order_history WHERE order_id = ? ORDER BY seq", orderId);
        history.forEach(h -> h.computeIfPresent("detail", (k, v) -> parsed(v)));

        var doc = new LinkedHashMap<String, Object>();
        doc.put("orderId", orderId);
        doc.put("generatedAt", Instant.ofEpochMilli(clock.millis()).toString());
        doc.put("order", order);
        doc.put("history", history);
        doc.put("hops", orderQueries.hops(orderId));
        doc.put("paymentAttempts", attempts);
        doc.put("refunds", refunds);
        doc.put("notifications", Stream.concat(
                q.rowsIn("SELECT * FROM provider_events WHERE out_trade_no IN", attemptIds, "ORDER BY received_at").stream(),
                audit.stream().filter(a -> String.valueOf(a.get("action")).startsWith("payment.notification"))).toList());
        doc.put("queries", Stream.concat(history.stream().filter(h -> "query".equals(h.get("source"))),
                audit.stream().filter(this::answersAQuery)).toList());
        doc.put("deliveries", deliveries);
        doc.put("customerEmails", emails);
        doc.put("discrepancies", found);
        doc.put("audit", ChainProof.of(audit, q));
        return Optional.of(doc);
    }

    /** The refunds asked for the order's payments, each with the attempt it refunds. */
    private List<Map<String, Object>> refunds(String orderId) {
        var refunds = new ArrayList<Map<String, Object>>();
        for (var attempt : payments.byOrders(List.of(orderId)).getOrDefault(orderId, List.of())) {
            for (var r : attempt.refunds()) {
                var view = new LinkedHashMap<String, Object>();
                view.put("refundId", r.refundId());
                view.put("attemptId", attempt.attemptId());
                view.put("providerRef", r.providerRef());
                view.put("amount", r.amount());
                view.put("status", r.status());
                view.put("succeededAt", r.succeededAt());
                refunds.add(view);
            }
        }
        return refunds;
    }

    /**
     * Notifications refused (bad signature, stale) whose body names one of the attempts: kept under the provider, not
     * the payment, as their content is not to be trusted — yet a dispute may turn on them. Few, and found through the
     * target index; the LIKE only narrows, the exact check is here.
     */
    private List<Map<String, Object>> rejectedNotifications(List<Map<String, Object>> attempts) {
        var rejected = new ArrayList<Map<String, Object>>();
        for (var attempt : attempts) {
            String id = (String) attempt.get("id");
            q.rows("SELECT * FROM audit_entries WHERE target_id = ? AND action = 'payment.notification_rejected' "
                    + "AND detail LIKE ? ORDER BY seq", attempt.get("provider"), "%" + id + "%").stream()
                    .filter(entry -> String.valueOf(entry.get("detail")).contains(id))
                    .forEach(rejected::add);
        }
        return rejected;
    }

    /** A query's answer (changing something or not), or a query left unanswered. */
    private boolean answersAQuery(Map<String, Object> entry) {
        String action = String.valueOf(entry.get("action"));
        return action.startsWith("payment.query")
                || action.startsWith("payment.") && parsed(entry.get("detail")) instanceof Map<?, ?> detail
                        && "query".equals(detail.get("source"));
    }

    private Object parsed(Object text) {
        if (!(text instanceof String s) || s.isBlank()) {
            return text;
        }
        try {
            return json.readValue(s, Object.class);
        } catch (tools.jackson.core.JacksonException e) {
            return s;
        }
    }
}
