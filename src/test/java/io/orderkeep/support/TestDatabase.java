package io.orderkeep.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each application context its own database: a new SQLite file in a temporary directory, or a new
 * PostgreSQL database on the local server, dropped when the context closes. Which one comes from the system
 * property {@code orderkeep.test.db} ({@code sqlite}, the default, or {@code postgres}).
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String ADMIN_KEY = "ok_test_admin_0123456789abcdef0123456789abcdef";
    static final String POSTGRES_SERVER = System.getProperty("orderkeep.test.pg", "jdbc:postgresql://127.0.0.1:5432/");

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("orderkeep.test.db", "sqlite"));
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Path dataDir = temporaryDirectory();
        var properties = new java.util.HashMap<String, Object>(Map.of(
                "orderkeep.data-dir", dataDir.toString(),
                "orderkeep.admin-key", ADMIN_KEY));
        if (postgres()) {
            String name = createPostgresDatabase();
            properties.put("orderkeep.db.url", POSTGRES_SERVER + name);
            properties.put("orderkeep.db.user", "postgres");
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent) {
                    dropPostgresDatabase(name);
                }
            });
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testDatabase", properties));
        // Every test client is 127.0.0.1 and most use the one admin key: limits far above any test's pace, last
        // in precedence so that a test class can set its own (@TestPropertySource or @SpringBootTest properties).
        context.getEnvironment().getPropertySources().addLast(new MapPropertySource("testRateLimits", Map.of(
                "orderkeep.rate-limit.key.per-second", "100000", "orderkeep.rate-limit.key.burst", "100000",
                "orderkeep.rate-limit.address.per-second", "100000", "orderkeep.rate-limit.address.burst", "100000")));
    }

    public static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("orderkeep-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates an empty PostgreSQL database with a unique name and returns the name. */
    public static String createPostgresDatabase() {
        String name = "ok_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        execute("CREATE DATABASE " + name);
        return name;
    }

    public static void dropPostgresDatabase(String name) {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(POSTGRES_SERVER + "postgres", "postgres", null);
             var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + POSTGRES_SERVER + " is needed for this test: " + e.getMessage(), e);
        }
    }
}
