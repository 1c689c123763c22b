package io.orderkeep.ops;

import io.orderkeep.ops.evidence.EvidenceQueries;

import io.orderkeep.audit.domain.AuditEntry;
import io.orderkeep.audit.domain.Chain;
import io.orderkeep.ops.logging.LogMasking;
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
 * payment attempts, the provider notifications and queries, the webhook deliveries with every attempt, the customer
 * e-mails (the customer hop), and the audit entries about any of them with their chain proof — each entry's hash
 * recomputed and its link to the entry before it checked — so that a third party can recompute every hash with the
 * algorithm the document states.
 */
@Component
public class OrderEvidence {

    static final String ALGORITHM = "hash = hex(SHA-256(concatenation over [seq, at (epoch ms), actor, action, "
            + "targetType, targetId, detail, prevHash] of: UTF-8 byte length + ':' + UTF-8 bytes)); prevHash of seq 1 = "
            + Chain.GENESIS;

    private final EvidenceQueries q;
    private final JsonMapper json;
    private final Clock clock;

    OrderEvidence(EvidenceQueries q, JsonMapper json, Clock clock) {
        this.q = q;
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
        List<String> targets = Stream.of(List.of(orderId), attemptIds, deliveryIds).flatMap(List::stream).toList();
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
        doc.put("paymentAttempts", attempts);
        doc.put("notifications", Stream.concat(
                q.rowsIn("SELECT * FROM provider_events WHERE out_trade_no IN", attemptIds, "ORDER BY received_at").stream(),
                audit.stream().filter(a -> String.valueOf(a.get("action")).startsWith("payment.notification"))).toList());
        doc.put("queries", Stream.concat(history.stream().filter(h -> "query".equals(h.get("source"))),
                audit.stream().filter(this::answersAQuery)).toList());
        doc.put("deliveries", deliveries);
        doc.put("customerEmails", emails);
        doc.put("audit", chainProof(audit));
        return Optional.of(doc);
    }

    private Map<String, Object> chainProof(List<Map<String, Object>> rows) {
        var entries = new ArrayList<Map<String, Object>>();
        boolean allValid = true;
        for (var row : rows) {
            long seq = ((Number) row.get("seq")).longValue();
            var entry = new AuditEntry(seq, Instant.ofEpochMilli(((Number) row.get("at")).longValue()),
                    (String) row.get("actor"), (String) row.get("action"), (String) row.get("targetType"),
                    (String) row.get("targetId"), (String) row.get("detail"), (String) row.get("prevHash"),
                    (String) row.get("hash"));
            String previous = seq == 1 ? Chain.GENESIS : q.rows("SELECT hash FROM audit_entries WHERE seq = ?", seq - 1)
                    .stream().map(r -> (String) r.get("hash")).findFirst().orElse(null);
            boolean hashValid = Chain.hash(entry).equals(entry.hash());
            boolean linked = entry.prevHash().equals(previous);
            allValid &= hashValid && linked;
            var out = new LinkedHashMap<String, Object>(row);
            out.put("hashValid", hashValid);
            out.put("previousEntryHash", previous);
            out.put("linked", linked);
            entries.add(out);
        }
        var head = q.rows("SELECT seq, hash FROM audit_head WHERE id = 1");
        var proof = new LinkedHashMap<String, Object>();
        proof.put("algorithm", ALGORITHM);
        proof.put("valid", allValid);
        proof.put("head", head.isEmpty() ? null : head.getFirst());
        proof.put("entries", entries);
        return proof;
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
