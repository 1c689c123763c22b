package io.orderkeep.delivery.webhook;

import io.orderkeep.access.Merchants;
import io.orderkeep.audit.AuditTrail;
import io.orderkeep.delivery.domain.WebhookSignature;
import io.orderkeep.delivery.outbox.MerchantHop;
import io.orderkeep.platform.ApiException;
import io.orderkeep.platform.Ids;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merchants' webhook endpoints. A secret is 32 random bytes, shown once as {@code whsec_<base64>} and kept sealed
 * ({@link SecretBox}) because every delivery is signed with it. A rotation keeps the old secret signing for
 * {@link #ROTATION_OVERLAP}, so a merchant can switch its verifier without missing a delivery.
 */
@Service
public class WebhookEndpoints {

    static final Duration ROTATION_OVERLAP = Duration.ofHours(24);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = """
            id, merchant_id, url, events, description, status, disabled_reason, disabled_at, previous_secret_until,
            created_at, updated_at""";

    private final JdbcClient jdbc;
    private final SecretBox box;
    private final Merchants merchants;
    private final AuditTrail audit;
    private final MerchantHop hop;
    private final Clock clock;

    WebhookEndpoints(JdbcClient jdbc, SecretBox box, Merchants merchants, AuditTrail audit, MerchantHop hop,
            Clock clock) {
        this.hop = hop;
        this.jdbc = jdbc;
        this.box = box;
        this.merchants = merchants;
        this.audit = audit;
        this.clock = clock;
    }

    /** An endpoint just made or rotated: the only time its secret leaves Orderkeep. */
    public record WithSecret(WebhookEndpoint endpoint, String secret) {}

    @Transactional
    public WithSecret create(String merchantId, String url, List<String> events, String description, String actor) {
        if (merchantId == null || merchants.find(merchantId).isEmpty()) {
            throw ApiException.validation("merchantId", merchantId == null ? "is required" : "names no known merchant");
        }
        EndpointRules.check(url, events, description);
        String id = Ids.next("whe", clock);
        String secret = newSecret();
        long now = clock.millis();
        jdbc.sql("""
                INSERT INTO webhook_endpoints (id, merchant_id, url, events, description, secret, status, created_at,
                    updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, 'enabled', ?, ?, 1)""")
                .params(id, merchantId, url, String.join(",", events), description, box.seal(secret), now, now)
                .update();
        audit.record(actor, "webhook_endpoint.created", "webhook_endpoint", id,
                Map.of("merchantId", merchantId, "url", url, "events", events));
        return new WithSecret(find(id).orElseThrow(), secret);
    }

    /** Endpoints that are not deleted, of one merchant or (null) of all, oldest first. */
    public List<WebhookEndpoint> list(String merchantId) {
        if (merchantId == null) {
            return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE status <> 'deleted' ORDER BY created_at, id")
                    .query(WebhookEndpoints::map).list();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE status <> 'deleted' AND merchant_id = ?"
                        + " ORDER BY created_at, id")
                .param(merchantId).query(WebhookEndpoints::map).list();
    }

    public Optional<WebhookEndpoint> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE id = ? AND status <> 'deleted'")
                .param(id).query(WebhookEndpoints::map).optional();
    }

    /** Deletes an endpoint; its deliveries still waiting end DEAD, so nothing is silently dropped. */
    @Transactional
    public void delete(String id, String actor) {
        long now = clock.millis();
        int updated = jdbc.sql("""
                UPDATE webhook_endpoints SET status = 'deleted', updated_at = ?, version = version + 1
                WHERE id = ? AND status <> 'deleted'""").params(now, id).update();
        if (updated == 0) {
            throw ApiException.notFound("Webhook endpoint", id);
        }
        endWaitingDeliveries(id, "the endpoint was deleted", now);
        audit.record(actor, "webhook_endpoint.deleted", "webhook_endpoint", id, Map.of());
    }

    @Transactional
    public WithSecret rotate(String id, String actor) {
        String current = jdbc.sql("SELECT secret FROM webhook_endpoints WHERE id = ? AND status <> 'deleted'")
                .param(id).query(String.class).optional()
                .orElseThrow(() -> ApiException.notFound("Webhook endpoint", id));
        String secret = newSecret();
        Instant now = clock.instant();
        jdbc.sql("""
                UPDATE webhook_endpoints SET secret = ?, previous_secret = ?, previous_secret_until = ?, updated_at = ?,
                    version = version + 1
                WHERE id = ?""")
                .params(box.seal(secret), current, now.plus(ROTATION_OVERLAP).toEpochMilli(), now.toEpochMilli(), id)
                .update();
        audit.record(actor, "webhook_endpoint.secret_rotated", "webhook_endpoint", id,
                Map.of("previousSecretUntil", now.plus(ROTATION_OVERLAP).toString()));
        return new WithSecret(find(id).orElseThrow(), secret);
    }

    /**
     * Disables an endpoint that told us it is gone (410): no more sends, its waiting deliveries end DEAD, and an
     * audit entry and the endpoint's own state say why. Joins the caller's transaction.
     */
    @Transactional
    public void disable(String id, String reason) {
        long now = clock.millis();
        int updated = jdbc.sql("""
                UPDATE webhook_endpoints SET status = 'disabled', disabled_reason = ?, disabled_at = ?, updated_at = ?,
                    version = version + 1
                WHERE id = ? AND status = 'enabled'""").params(reason, now, now, id).update();
        if (updated == 1) {
            endWaitingDeliveries(id, reason, now);
            audit.record("system", "webhook_endpoint.disabled", "webhook_endpoint", id, Map.of("reason", reason));
        }
    }

    /** The enabled endpoints of a merchant that subscribe to an event type. */
    public List<WebhookEndpoint> subscribers(String merchantId, String eventType) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE merchant_id = ? AND status = 'enabled'")
                .param(merchantId).query(WebhookEndpoints::map).stream()
                .filter(endpoint -> endpoint.subscribes(eventType))
                .toList();
    }

    /** The secrets that sign a delivery now: the current one, and the previous one while its overlap lasts. */
    List<String> signingSecrets(String sealedSecret, String sealedPrevious, Long previousUntil) {
        var secrets = new ArrayList<String>(List.of(box.open(sealedSecret)));
        if (sealedPrevious != null && previousUntil != null && previousUntil > clock.millis()) {
            secrets.add(box.open(sealedPrevious));
        }
        return secrets;
    }

    /**
     * Sends in flight keep their lease and record their own outcome; they are not sent again (see the claim). The
     * merchant hop of each order that had one of these waiting is settled again, as after any delivery that ended.
     */
    private void endWaitingDeliveries(String endpointId, String reason, long now) {
        String waiting = " WHERE endpoint_id = ? AND status IN ('PENDING', 'RETRYING') AND (lease_until IS NULL OR lease_until <= ?)";
        List<String> oneEventPerOrder = jdbc.sql("SELECT MIN(event_id) FROM webhook_deliveries" + waiting
                + " GROUP BY order_id ORDER BY order_id").params(endpointId, now).query(String.class).list();
        jdbc.sql("""
                UPDATE webhook_deliveries SET status = 'DEAD', last_error = ?, lease_until = NULL, lease_owner = NULL,
                    updated_at = ?""" + waiting)
                .params(reason, now, endpointId, now).update();
        oneEventPerOrder.forEach(hop::dead);
    }

    private static String newSecret() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        return WebhookSignature.PREFIX + java.util.Base64.getEncoder().encodeToString(raw);
    }

    private static WebhookEndpoint map(ResultSet rs, int row) throws SQLException {
        return new WebhookEndpoint(rs.getString("id"), rs.getString("merchant_id"), rs.getString("url"),
                Arrays.asList(rs.getString("events").split(",")), rs.getString("description"), rs.getString("status"),
                rs.getString("disabled_reason"), instant(rs, "disabled_at"), instant(rs, "previous_secret_until"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
