package io.orderkeep.delivery.webhook;

import io.orderkeep.audit.AuditTrail;
import io.orderkeep.delivery.DeliveryProperties;
import io.orderkeep.delivery.domain.RetryPolicy.Verdict;
import io.orderkeep.delivery.outbox.MerchantHop;
import io.orderkeep.platform.Dialect;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claiming due deliveries and writing down what became of them. A claim is a lease: the rows get an owner and a
 * time until which no other dispatcher takes them, and only that owner may record their outcome. A dispatcher
 * that dies mid-send leaves its lease to run out, and the delivery is sent again (at least once).
 */
@Component
class DeliveryStore {

    private final JdbcClient jdbc;
    private final Dialect dialect;
    private final WebhookEndpoints endpoints;
    private final MerchantHop hop;
    private final AuditTrail audit;
    private final DeliveryProperties properties;
    private final Clock clock;

    DeliveryStore(JdbcClient jdbc, Dialect dialect, WebhookEndpoints endpoints, MerchantHop hop, AuditTrail audit,
            DeliveryProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.endpoints = endpoints;
        this.hop = hop;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** A claimed delivery with what sending it needs. {@code roundAttempts} counts attempts since the last replay. */
    record Claimed(String id, String eventId, String endpointId, String orderId, String url, String payload,
            List<String> secrets, int attempts, int roundAttempts, String owner) {}

    /** Whether anything may be due: a plain read, so that an idle pass takes no lock (on SQLite, no write lock). */
    boolean anyDue() {
        return jdbc.sql("""
                SELECT COUNT(*) FROM (SELECT 1 FROM webhook_deliveries
                    WHERE status IN ('PENDING', 'RETRYING') AND next_attempt_at <= ? LIMIT 1) w""")
                .param(clock.millis()).query(Long.class).single() > 0;
    }

    /** What one claim took, and whether it left due deliveries behind because their endpoints had no room. */
    record Claim(List<Claimed> claimed, boolean waitsForRoom) {}

    /**
     * Claims up to {@code limit} due deliveries. A delivery is due when its time has come, nobody holds a live
     * lease on it, and no earlier event of the same order still waits for the same endpoint: so the events of one
     * order reach one endpoint in order. No endpoint gets more than {@code perEndpoint} sends in flight, counting
     * the {@code inFlight} ones it already has: a slow or dead endpoint's backlog stays due, and the claim takes the
     * other endpoints' deliveries instead. On PostgreSQL, rows another instance is claiming are skipped, not waited for.
     */
    @Transactional
    Claim claim(int limit, String owner, Map<String, Integer> inFlight, int perEndpoint) {
        long now = clock.millis();
        List<String> full = inFlight.entrySet().stream().filter(e -> e.getValue() >= perEndpoint)
                .map(Map.Entry::getKey).toList();
        var params = new LinkedHashMap<String, Object>(Map.of("now", now, "limit", limit));
        if (!full.isEmpty()) {
            params.put("full", full);
        }
        List<String[]> due = jdbc.sql("""
                SELECT d.id, d.endpoint_id FROM webhook_deliveries d
                WHERE d.status IN ('PENDING', 'RETRYING') AND d.next_attempt_at <= :now
                  AND (d.lease_until IS NULL OR d.lease_until <= :now)
                  AND EXISTS (SELECT 1 FROM webhook_endpoints w WHERE w.id = d.endpoint_id AND w.status = 'enabled')
                  AND NOT EXISTS (SELECT 1 FROM webhook_deliveries p
                                  WHERE p.endpoint_id = d.endpoint_id AND p.order_id = d.order_id
                                    AND p.order_seq < d.order_seq AND p.status IN ('PENDING', 'RETRYING'))"""
                + (full.isEmpty() ? "" : " AND d.endpoint_id NOT IN (:full)")
                + " ORDER BY d.next_attempt_at, d.id LIMIT :limit" + dialect.skipLocked())
                .params(params).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        // Rows read here but left for lack of room keep no lease: the transaction's row locks end with it.
        var taken = new HashMap<String, Integer>();
        List<String> ids = due.stream()
                .filter(row -> taken.merge(row[1], 1, Integer::sum) + inFlight.getOrDefault(row[1], 0) <= perEndpoint)
                .map(row -> row[0]).toList();
        boolean waitsForRoom = ids.size() < due.size() || (ids.size() < limit && !full.isEmpty() && anyDue(full, now));
        if (ids.isEmpty()) {
            return new Claim(List.of(), waitsForRoom);
        }
        jdbc.sql("UPDATE webhook_deliveries SET lease_until = :until, lease_owner = :owner WHERE id IN (:ids)")
                .params(Map.of("until", now + properties.lease().toMillis(), "owner", owner, "ids", ids))
                .update();
        return new Claim(jdbc.sql("""
                SELECT d.id, d.event_id, d.endpoint_id, w.url, e.payload, w.secret, w.previous_secret,
                       w.previous_secret_until, d.attempts, d.round_attempts, d.order_id
                FROM webhook_deliveries d
                JOIN delivery_events e ON e.id = d.event_id
                JOIN webhook_endpoints w ON w.id = d.endpoint_id
                WHERE d.id IN (:ids) ORDER BY d.next_attempt_at, d.id""")
                .param("ids", ids)
                .query((rs, n) -> {
                    long until = rs.getLong(8);
                    Long previousUntil = rs.wasNull() ? null : until;
                    return new Claimed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(11), rs.getString(4),
                            rs.getString(5), endpoints.signingSecrets(rs.getString(6), rs.getString(7), previousUntil),
                            rs.getInt(9), rs.getInt(10), owner);
                })
                .list(), waitsForRoom);
    }

    /** Whether any of these endpoints has a delivery due that no one holds. */
    private boolean anyDue(List<String> endpointIds, long now) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM (SELECT 1 FROM webhook_deliveries WHERE endpoint_id IN (:endpoints)
                    AND status IN ('PENDING', 'RETRYING') AND next_attempt_at <= :now
                    AND (lease_until IS NULL OR lease_until <= :now) LIMIT 1) w""")
                .param("endpoints", endpointIds).param("now", now).query(Long.class).single() > 0;
    }

    /** What one attempt of a claimed delivery came to. */
    record Outcome(Claimed delivery, WebhookSender.Result result, Verdict verdict) {}

    /**
     * Writes several attempts in one transaction (the dispatcher's group commit), each as {@link #record} does;
     * answers, per outcome in the given order, whether it was recorded. Written in order id order, so that two
     * groups touching the same orders' hops take their row locks in the same order.
     */
    @Transactional
    List<Boolean> recordAll(List<Outcome> outcomes) {
        var recorded = new Boolean[outcomes.size()];
        var byOrder = new ArrayList<Integer>();
        for (int i = 0; i < outcomes.size(); i++) {
            byOrder.add(i);
        }
        byOrder.sort(Comparator.comparing((Integer i) -> outcomes.get(i).delivery().orderId())
                .thenComparing(i -> outcomes.get(i).delivery().id()));
        var audited = new ArrayList<Attempted>();
        for (int i : byOrder) {
            var o = outcomes.get(i);
            Attempted attempted = write(o.delivery(), o.result(), o.verdict());
            recorded[i] = attempted != null;
            if (attempted != null) {
                audited.add(attempted);
            }
        }
        // After every hop of the group: the audit head is the last lock a transaction takes.
        audited.forEach(this::audit);
        return List.of(recorded);
    }

    /**
     * Writes one attempt and the delivery's new state. Returns false, writing nothing, when the lease was lost
     * (it ran out and another dispatcher took the delivery, or the endpoint was deleted meanwhile).
     */
    @Transactional
    boolean record(Claimed delivery, WebhookSender.Result result, Verdict outcome) {
        Attempted attempted = write(delivery, result, outcome);
        if (attempted == null) {
            return false;
        }
        audit(attempted);
        return true;
    }

    /** An attempt written, whose audit entry is still to be recorded. */
    private record Attempted(String deliveryId, Map<String, Object> detail) {}

    /** Writes the attempt and its delivery's and hop's new state; answers null, writing nothing, when the lease was lost. */
    private Attempted write(Claimed delivery, WebhookSender.Result result, Verdict outcome) {
        Verdict verdict = outcome;
        Instant now = clock.instant();
        if (verdict instanceof Verdict.RetryAt && !endpointEnabled(delivery.endpointId())) {
            verdict = new Verdict.Dead("the endpoint was disabled or deleted while this attempt was in flight");
        }
        int attempt = delivery.attempts() + 1;
        String status = switch (verdict) {
            case Verdict.Delivered d -> "DELIVERED";
            case Verdict.RetryAt r -> "RETRYING";
            case Verdict.Dead d -> "DEAD";
            case Verdict.Gone g -> "DEAD";
        };
        String error = switch (verdict) {
            case Verdict.Delivered d -> null;
            case Verdict.RetryAt r -> result.error();
            case Verdict.Dead d -> d.reason() + (result.error() == null ? "" : "; last: " + result.error());
            case Verdict.Gone g -> "the endpoint answered 410 Gone and was disabled";
        };
        long next = verdict instanceof Verdict.RetryAt(Instant at) ? at.toEpochMilli() : now.toEpochMilli();
        int updated = jdbc.sql("""
                UPDATE webhook_deliveries SET status = ?, attempts = ?, round_attempts = ?, next_attempt_at = ?,
                    last_status = ?, last_error = ?, lease_until = NULL, lease_owner = NULL, updated_at = ?
                WHERE id = ? AND lease_owner = ? AND status IN ('PENDING', 'RETRYING')""")
                .params(status, attempt, delivery.roundAttempts() + 1, next, result.status(), error,
                        now.toEpochMilli(), delivery.id(), delivery.owner())
                .update();
        if (updated == 0) {
            return null;
        }
        jdbc.sql("""
                INSERT INTO webhook_attempts (delivery_id, attempt, at, status_code, latency_ms, response_body, error)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(delivery.id(), attempt, now.toEpochMilli(), result.status(), result.latencyMs(), result.body(),
                        result.error())
                .update();
        switch (verdict) {
            case Verdict.Delivered d -> hop.delivered(delivery.eventId());
            case Verdict.Gone g -> {
                // The hop first: disabling writes an audit entry, and the audit head must be the last lock taken
                // (a group recording holds hop locks while it waits for the head).
                hop.dead(delivery.eventId());
                endpoints.disable(delivery.endpointId(), "answered 410 Gone at " + now);
            }
            case Verdict.Dead d -> hop.dead(delivery.eventId());
            case Verdict.RetryAt r -> { }
        }
        // The merchant's answer goes into the hash chain, so an order's evidence proves what its endpoint said.
        var detail = new LinkedHashMap<String, Object>();
        detail.put("eventId", delivery.eventId());
        detail.put("endpointId", delivery.endpointId());
        detail.put("attempt", attempt);
        detail.put("statusCode", result.status());
        detail.put("latencyMs", result.latencyMs());
        detail.put("response", result.body());
        detail.put("error", result.error());
        detail.put("outcome", status);
        return new Attempted(delivery.id(), detail);
    }

    private void audit(Attempted attempted) {
        audit.record("system", "webhook_delivery.attempted", "webhook_delivery", attempted.deliveryId(),
                attempted.detail());
    }

    private boolean endpointEnabled(String endpointId) {
        return jdbc.sql("SELECT COUNT(*) FROM webhook_endpoints WHERE id = ? AND status = 'enabled'")
                .param(endpointId).query(Long.class).single() > 0;
    }
}
