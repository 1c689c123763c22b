package io.orderkeep.sandbox.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The sandbox's own SQLite file, reached through one connection that one thread at a time uses inside a
 * transaction. A simulator needs no more throughput than that, and it makes every check-then-write atomic.
 */
public final class SandboxDatabase implements AutoCloseable {

    /** Work inside a transaction; a thrown exception rolls it back. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final String[] SCHEMA = {
        """
        CREATE TABLE IF NOT EXISTS payments (
            provider_ref TEXT PRIMARY KEY,
            out_trade_no TEXT NOT NULL UNIQUE,
            amount INTEGER NOT NULL,
            currency TEXT NOT NULL,
            notify_url TEXT NOT NULL,
            status TEXT NOT NULL,
            refunded_amount INTEGER NOT NULL DEFAULT 0,
            transaction_id TEXT UNIQUE,
            created_at INTEGER NOT NULL,
            paid_at INTEGER,
            failed_at INTEGER,
            closed_at INTEGER,
            updated_at INTEGER NOT NULL,
            reference TEXT)""",
        "CREATE INDEX IF NOT EXISTS payments_paid_at ON payments (paid_at)",
        """
        CREATE TABLE IF NOT EXISTS refunds (
            refund_id TEXT PRIMARY KEY,
            provider_ref TEXT NOT NULL REFERENCES payments (provider_ref),
            amount INTEGER NOT NULL,
            created_at INTEGER NOT NULL)""",
        "CREATE INDEX IF NOT EXISTS refunds_created_at ON refunds (created_at)",
        "CREATE INDEX IF NOT EXISTS refunds_provider_ref ON refunds (provider_ref)",
        """
        CREATE TABLE IF NOT EXISTS notifications (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            event_id TEXT NOT NULL,
            provider_ref TEXT NOT NULL,
            notify_url TEXT NOT NULL,
            body TEXT NOT NULL,
            state TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER NOT NULL,
            last_status INTEGER,
            last_error TEXT,
            created_at INTEGER NOT NULL,
            delivered_at INTEGER,
            dice_subject TEXT)""",
        "CREATE INDEX IF NOT EXISTS notifications_due ON notifications (state, next_attempt_at)",
        "CREATE INDEX IF NOT EXISTS notifications_provider_ref ON notifications (provider_ref)"
    };

    /** Columns added since the first schema: a file written by an older sandbox gets them on open. */
    private static final String[][] ADDED_COLUMNS = {
        {"payments", "reference", "TEXT"},
        {"notifications", "dice_subject", "TEXT"}
    };

    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean closed;

    private SandboxDatabase(Connection connection) {
        this.connection = connection;
    }

    /** Opens (or creates) the file, switches it to WAL with full sync, and creates the schema when missing. */
    public static SandboxDatabase open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode=WAL");
                statement.execute("PRAGMA synchronous=FULL");
                statement.execute("PRAGMA busy_timeout=5000");
                statement.execute("PRAGMA foreign_keys=ON");
            }
            connection.setAutoCommit(false);
            var database = new SandboxDatabase(connection);
            database.inTransaction(c -> {
                try (Statement statement = c.createStatement()) {
                    for (String sql : SCHEMA) {
                        statement.execute(sql);
                    }
                }
                for (String[] added : ADDED_COLUMNS) {
                    addColumnIfMissing(c, added[0], added[1], added[2]);
                }
                return null;
            });
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of " + file, e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the sandbox database " + file + ": " + e.getMessage(), e);
        }
    }

    private static void addColumnIfMissing(Connection c, String table, String column, String type)
            throws SQLException {
        try (Statement statement = c.createStatement()) {
            try (var columns = statement.executeQuery("PRAGMA table_info(" + table + ")")) {
                while (columns.next()) {
                    if (columns.getString("name").equals(column)) {
                        return;
                    }
                }
            }
            statement.execute("ALTER TABLE " + table + " ADD COLUMN " + column + " " + type);
        }
    }

    public <T> T inTransaction(Work<T> work) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the sandbox database is closed");
            }
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(e);
                if (e instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException("sandbox database error: " + e.getMessage(), e);
            }
        } finally {
            lock.unlock();
        }
    }

    private void rollback(Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                connection.close();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close the sandbox database: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }
}
