package io.orderkeep.access;

import io.orderkeep.audit.AuditTrail;
import io.orderkeep.platform.ApiException;
import io.orderkeep.platform.Caller;
import io.orderkeep.platform.Ids;
import io.orderkeep.platform.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys. A key is 32 random bytes; only its SHA-256 is stored (a key has too much entropy for a slow hash to
 * add anything), so a leaked database gives no usable key.
 */
@Service
public class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Merchants merchants;
    private final AuditTrail audit;
    private final Clock clock;

    ApiKeys(JdbcClient jdbc, Merchants merchants, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.merchants = merchants;
        this.audit = audit;
        this.clock = clock;
    }

    /** A key just made: the only time the key itself exists outside the client's hands. */
    public record CreatedKey(ApiKey key, String secret) {}

    @Transactional
    public CreatedKey create(Role role, String merchantId, String name, String actor) {
        if (role == null) {
            throw ApiException.validation("role", "must be one of admin, operator, merchant, auditor");
        }
        if (role == Role.MERCHANT && (merchantId == null || merchants.find(merchantId).isEmpty())) {
            throw ApiException.validation("merchantId", merchantId == null
                    ? "is required for a merchant key" : "names no known merchant");
        }
        if (role != Role.MERCHANT && merchantId != null) {
            throw ApiException.validation("merchantId", "is only for merchant keys");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = "ok_" + HexFormat.of().formatHex(random);
        return insert(Ids.next("key", clock), secret, role, merchantId, name == null ? "" : name, actor);
    }

    /**
     * Makes sure {@code secret} is a working admin key, under the fixed id {@code key_admin}. Used at start-up with
     * ORDERKEEP_ADMIN_KEY; a changed variable replaces the earlier admin key.
     */
    @Transactional
    public void ensureAdminKey(String secret) {
        String hash = hash(secret);
        var existing = jdbc.sql("SELECT key_hash FROM api_keys WHERE id = 'key_admin'").query(String.class).optional();
        if (existing.isPresent() && existing.get().equals(hash)) {
            return;
        }
        if (existing.isPresent()) {
            jdbc.sql("UPDATE api_keys SET key_hash = ?, key_prefix = ?, revoked_at = NULL WHERE id = 'key_admin'")
                    .params(hash, prefix(secret)).update();
            audit.record("system", "key.replaced", "key", "key_admin", Map.of("source", "ORDERKEEP_ADMIN_KEY"));
            return;
        }
        insert("key_admin", secret, Role.ADMIN, null, "admin (ORDERKEEP_ADMIN_KEY)", "system");
    }

    /** Whether any admin key that still works exists. */
    public boolean anyAdmin() {
        return jdbc.sql("SELECT COUNT(*) FROM api_keys WHERE role = 'admin' AND revoked_at IS NULL")
                .query(Long.class).single() > 0;
    }

    public List<ApiKey> list() {
        return jdbc.sql("""
                SELECT id, name, role, merchant_id, key_prefix, created_at, revoked_at
                FROM api_keys ORDER BY created_at, id""")
                .query((rs, n) -> new ApiKey(rs.getString(1), rs.getString(2), Role.fromWire(rs.getString(3)),
                        rs.getString(4), rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)),
                        rs.getObject(7) == null ? null : Instant.ofEpochMilli(rs.getLong(7))))
                .list();
    }

    /** Revokes a key at once; an unknown or already revoked key is 404. */
    @Transactional
    public void revoke(String id, String actor) {
        int updated = jdbc.sql("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .params(clock.millis(), id).update();
        if (updated == 0) {
            throw ApiException.notFound("Key", id);
        }
        audit.record(actor, "key.revoked", "key", id, Map.of());
    }

    /** The caller a presented key stands for, if it is a key we issued and have not revoked. */
    public Optional<Caller> authenticate(String secret) {
        if (secret == null || secret.isEmpty() || secret.length() > 200) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, role, merchant_id FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL")
                .param(hash(secret))
                .query((rs, n) -> new Caller(Caller.Kind.KEY, rs.getString(1), Role.fromWire(rs.getString(2)),
                        rs.getString(3)))
                .optional();
    }

    private CreatedKey insert(String id, String secret, Role role, String merchantId, String name, String actor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        jdbc.sql("""
                INSERT INTO api_keys (id, name, role, merchant_id, key_hash, key_prefix, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, name, role.wireName(), merchantId, hash(secret), prefix(secret), now.toEpochMilli())
                .update();
        var detail = new HashMap<String, Object>(Map.of("role", role.wireName(), "name", name));
        if (merchantId != null) {
            detail.put("merchantId", merchantId);
        }
        audit.record(actor, "key.created", "key", id, detail);
        return new CreatedKey(new ApiKey(id, name, role, merchantId, prefix(secret), now, null), secret);
    }

    private static String prefix(String secret) {
        return secret.substring(0, Math.min(7, secret.length()));
    }

    static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
