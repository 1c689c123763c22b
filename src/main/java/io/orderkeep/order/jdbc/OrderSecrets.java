package io.orderkeep.order.jdbc;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Server secrets kept in the database, so that every instance on one database signs alike. Made by whichever
 * instance needs one first; never logged.
 */
@Repository
public class OrderSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    OrderSecrets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The secret of that name, made now (32 random bytes) if there is none yet. */
    public byte[] get(String name) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        jdbc.sql("INSERT INTO order_secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")
                .params(name, HexFormat.of().formatHex(fresh))
                .update();
        String stored = jdbc.sql("SELECT value FROM order_secrets WHERE name = ?").param(name).query(String.class).single();
        return HexFormat.of().parseHex(stored);
    }
}
