package io.orderkeep.delivery.webhook;

import io.orderkeep.audit.AuditTrail;
import io.orderkeep.delivery.FailureRate;
import io.orderkeep.platform.ApiException;
import io.orderkeep.platform.Cursors;
import io.orderkeep.platform.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Deliveries as people see them (newest first, each with every attempt), and the replay of one. */
@Service
public class DeliveryLog {

    public static final Set<String> STATUSES = Set.of("PENDING", "RETRYING", "DELIVERED", "DEAD");

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    DeliveryLog(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Filters; null means any. {@code merchantId} is the caller's scope. */
    public record Filter(String merchantId, String endpointId, String status, String orderId) {}

    public Page<Map<String, Object>> list(Filter filter, String cursor, int limit) {
        var sql = new StringBuilder("""
                SELECT d.*, e.type FROM webhook_deliveries d JOIN delivery_events e ON e.id = d.event_id WHERE 1 = 1""");
        var params = new ArrayList<Object>();
        condition(sql, params, "d.merchant_id = ?", filter.merchantId());
        condition(sql, params, "d.endpoint_id = ?", filter.endpointId());
        condition(sql, params, "d.status = ?", filter.status());
        condition(sql, params, "d.order_id = ?", filter.orderId());
        condition(sql, params, "d.id < ?", Cursors.decode(cursor));
        sql.append(" ORDER BY d.id DESC LIMIT ?");
        params.add(limit + 1);
        List<Map<String, Object>> rows = jdbc.sql(sql.toString()).params(params).query(this::view).list();
        rows.forEach(this::addAttempts);
        return Page.of(rows, limit, row -> (String) row.get("id"));
    }

    public Optional<Map<String, Object>> find(String id) {
        return jdbc.sql("SELECT d.*, e.type FROM webhook_deliveries d JOIN delivery_events e ON e.id = d.event_id"
                        + " WHERE d.id = ?")
                .param(id).query(this::view).optional()
                .map(row -> { addAttempts(row); return row; });
    }

    /**
     * Sends a delivery again, with the same {@code webhook-id}, as a new round of the retry schedule. A delivery
     * still waiting is made due now. An endpoint that is disabled or deleted cannot be sent to: 409.
     */
    @Transactional
    public void replay(String id, String actor) {
        String endpointStatus = jdbc.sql("""
                SELECT w.status FROM webhook_deliveries d JOIN webhook_endpoints w ON w.id = d.endpoint_id
                WHERE d.id = ?""").param(id).query(String.class).optional()
                .orElseThrow(() -> ApiException.notFound("Delivery", id));
        if (!endpointStatus.equals("enabled")) {
            throw ApiException.conflict("endpoint_disabled", "Endpoint disabled",
                    "The delivery's webhook endpoint is " + endpointStatus + "; it cannot be sent to.");
        }
        long now = clock.millis();
        jdbc.sql("""
                UPDATE webhook_deliveries SET status = 'PENDING', round_attempts = 0, next_attempt_at = ?, last_error = NULL,
                    updated_at = ?
                WHERE id = ? AND status IN ('DELIVERED', 'DEAD')""").params(now, now, id).update();
        jdbc.sql("""
                UPDATE webhook_deliveries SET next_attempt_at = ?, updated_at = ?
                WHERE id = ? AND status IN ('PENDING', 'RETRYING')""").params(now, now, id).update();
        audit.record(actor, "webhook_delivery.replayed", "webhook_delivery", id, Map.of());
    }

    /** Every endpoint that had attempts at or after {@code since}, by endpoint id. */
    public Map<String, FailureRate> failureRates(Instant since) {
        var rates = new HashMap<String, FailureRate>();
        jdbc.sql("""
                SELECT d.endpoint_id, COUNT(*),
                    SUM(CASE WHEN a.status_code BETWEEN 200 AND 299 THEN 0 ELSE 1 END)
                FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id
                WHERE a.at >= ? GROUP BY d.endpoint_id""")
                .param(since.toEpochMilli())
                .query(rs -> {
                    rates.put(rs.getString(1), new FailureRate(rs.getLong(2), rs.getLong(3)));
                });
        return rates;
    }

    private static void condition(StringBuilder sql, List<Object> params, String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            params.add(value);
        }
    }

    private Map<String, Object> view(ResultSet rs, int row) throws SQLException {
        var view = new LinkedHashMap<String, Object>();
        String status = rs.getString("status");
        view.put("id", rs.getString("id"));
        view.put("eventId", rs.getString("event_id"));
        view.put("eventType", rs.getString("type"));
        view.put("endpointId", rs.getString("endpoint_id"));
        view.put("merchantId", rs.getString("merchant_id"));
        view.put("orderId", rs.getString("order_id"));
        view.put("status", status);
        view.put("attemptCount", rs.getInt("attempts"));
        view.put("nextAttemptAt", status.equals("PENDING") || status.equals("RETRYING")
                ? WebhookEndpoints.instant(rs, "next_attempt_at") : null);
        int lastStatus = rs.getInt("last_status");
        view.put("lastStatusCode", rs.wasNull() ? null : lastStatus);
        view.put("lastError", rs.getString("last_error"));
        view.put("createdAt", WebhookEndpoints.instant(rs, "created_at"));
        view.put("updatedAt", WebhookEndpoints.instant(rs, "updated_at"));
        return view;
    }

    private void addAttempts(Map<String, Object> view) {
        view.put("attempts", jdbc.sql("""
                SELECT attempt, at, status_code, latency_ms, response_body, error FROM webhook_attempts
                WHERE delivery_id = ? ORDER BY attempt""")
                .param(view.get("id"))
                .query((rs, n) -> {
                    var attempt = new LinkedHashMap<String, Object>();
                    attempt.put("attempt", rs.getInt(1));
                    attempt.put("at", WebhookEndpoints.instant(rs, "at"));
                    int code = rs.getInt(3);
                    attempt.put("statusCode", rs.wasNull() ? null : code);
                    attempt.put("latencyMs", rs.getLong(4));
                    attempt.put("responseBody", rs.getString(5));
                    attempt.put("error", rs.getString(6));
                    return attempt;
                })
                .list());
    }
}
