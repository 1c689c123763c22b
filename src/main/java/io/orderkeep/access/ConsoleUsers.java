package io.orderkeep.access;

import io.orderkeep.access.domain.RateLimiter;
import io.orderkeep.access.domain.TokenBucket;
import io.orderkeep.audit.AuditTrail;
import io.orderkeep.platform.ApiException;
import io.orderkeep.platform.Caller;
import io.orderkeep.platform.Role;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people who sign in to the console. Passwords are kept as Argon2id hashes (a password, unlike an API key, has
 * little entropy, so the hash must be slow). Every change is audited under the actor that made it; a user is
 * disabled, never deleted.
 */
@Service
public class ConsoleUsers {

    /** Names as the audit trail shows them ({@code user:NAME}): short, no spaces, no colons. */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{2,64}");
    public static final int MIN_PASSWORD_LENGTH = 12;
    private static final int MAX_PASSWORD_LENGTH = 200;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final JdbcClient jdbc;
    private final Merchants merchants;
    private final AuditTrail audit;
    private final Clock clock;
    private final PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    /**
     * Sign-in attempts per user name: ten at once, then one every ten seconds, so that a password cannot be guessed
     * at speed (nor the server kept busy hashing guesses); a refused attempt looks like a wrong password.
     */
    private final RateLimiter signIns = new RateLimiter(new TokenBucket.Limit(0.1, 10), 10_000);
    /** Compared against when the user does not exist, so that a wrong name takes as long as a wrong password. */
    private final String decoyHash = encoder.encode("decoy password that matches nothing");

    ConsoleUsers(JdbcClient jdbc, Merchants merchants, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.merchants = merchants;
        this.audit = audit;
        this.clock = clock;
    }

    /** A password good enough to hand out once, when none was chosen. */
    public static String generatePassword() {
        var password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    /** Creates a user; a name already taken is 409 {@code user_exists}. */
    @Transactional
    public ConsoleUser create(String username, String password, Role role, String merchantId, String actor) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw ApiException.validation("username", "must be 2–64 letters, digits, '.', '_', '@' or '-'");
        }
        checkPassword(password);
        if (role == null) {
            throw ApiException.validation("role", "must be one of admin, operator, merchant, auditor");
        }
        if (role == Role.MERCHANT && (merchantId == null || merchants.find(merchantId).isEmpty())) {
            throw ApiException.validation("merchantId", merchantId == null
                    ? "is required for a merchant user" : "names no known merchant");
        }
        if (role != Role.MERCHANT && merchantId != null) {
            throw ApiException.validation("merchantId", "is only for merchant users");
        }
        if (find(username).isPresent()) {
            throw ApiException.conflict("user_exists", "User exists", "A user named " + username + " exists.");
        }
        long now = clock.millis();
        jdbc.sql("""
                INSERT INTO console_users (username, password_hash, role, merchant_id, created_at, password_changed_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(username, encoder.encode(password), role.wireName(), merchantId, now, now)
                .update();
        var detail = new HashMap<String, Object>(Map.of("role", role.wireName()));
        if (merchantId != null) {
            detail.put("merchantId", merchantId);
        }
        audit.record(actor, "user.created", "user", username, detail);
        return find(username).orElseThrow();
    }

    public Optional<ConsoleUser> find(String username) {
        return jdbc.sql("""
                SELECT username, role, merchant_id, created_at, password_changed_at, disabled_at
                FROM console_users WHERE username = ?""")
                .param(username)
                .query(ConsoleUsers::user)
                .optional();
    }

    public List<ConsoleUser> list() {
        return jdbc.sql("""
                SELECT username, role, merchant_id, created_at, password_changed_at, disabled_at
                FROM console_users ORDER BY username""")
                .query(ConsoleUsers::user)
                .list();
    }

    /** Disables a user at once (their open sessions end on their next request); unknown or disabled is 404. */
    @Transactional
    public void disable(String username, String actor) {
        int updated = jdbc.sql("UPDATE console_users SET disabled_at = ? WHERE username = ? AND disabled_at IS NULL")
                .params(clock.millis(), username).update();
        if (updated == 0) {
            throw ApiException.notFound("User", username);
        }
        audit.record(actor, "user.disabled", "user", username, Map.of());
    }

    /** Sets a new password; unknown or disabled is 404. */
    @Transactional
    public void changePassword(String username, String newPassword, String actor) {
        checkPassword(newPassword);
        int updated = jdbc.sql("""
                UPDATE console_users SET password_hash = ?, password_changed_at = ?
                WHERE username = ? AND disabled_at IS NULL""")
                .params(encoder.encode(newPassword), clock.millis(), username).update();
        if (updated == 0) {
            throw ApiException.notFound("User", username);
        }
        audit.record(actor, "user.password_changed", "user", username, Map.of());
    }

    /**
     * The caller a name and password stand for, if they belong to an enabled user. Takes as long for an unknown
     * name as for a wrong password, so that names cannot be probed.
     */
    public Optional<Caller> authenticate(String username, String password) {
        if (username == null || password == null || password.length() > MAX_PASSWORD_LENGTH
                || username.length() > 64 || signIns.tryTake(username, clock.millis()) > 0) {
            return Optional.empty();
        }
        var stored = jdbc.sql("SELECT password_hash, disabled_at FROM console_users WHERE username = ?")
                .param(username)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getObject(2) == null ? null : "disabled"})
                .optional();
        boolean matches = encoder.matches(password, stored.map(row -> row[0]).orElse(decoyHash));
        if (!matches || stored.isEmpty() || stored.get()[1] != null) {
            return Optional.empty();
        }
        return find(username).map(ConsoleUser::caller);
    }

    /** Records that a user signed in to the console. */
    @Transactional
    public void signedIn(String username) {
        audit.record("user:" + username, "user.signed_in", "user", username, Map.of());
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > MAX_PASSWORD_LENGTH) {
            throw ApiException.validation("password",
                    "must be " + MIN_PASSWORD_LENGTH + "–" + MAX_PASSWORD_LENGTH + " characters");
        }
    }

    private static ConsoleUser user(ResultSet rs, int row) throws SQLException {
        return new ConsoleUser(rs.getString(1), Role.fromWire(rs.getString(2)), rs.getString(3),
                Instant.ofEpochMilli(rs.getLong(4)), Instant.ofEpochMilli(rs.getLong(5)),
                rs.getObject(6) == null ? null : Instant.ofEpochMilli(rs.getLong(6)));
    }
}
