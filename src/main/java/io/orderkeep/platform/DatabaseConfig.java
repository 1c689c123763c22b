package io.orderkeep.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One pool for either database. SQLite runs in WAL mode with full sync (an acknowledged order survives a power
 * cut), on a single pooled connection (see below), with a busy timeout for other processes (the CLI) and IMMEDIATE
 * transactions so that a transaction never fails when it upgrades from reading to writing.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfig {

    @Bean
    Dialect dialect(OrderkeepProperties properties) {
        return Dialect.of(properties.jdbcUrl());
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(OrderkeepProperties properties, Dialect dialect) {
        var config = new HikariConfig();
        config.setPoolName("orderkeep");
        config.setJdbcUrl(properties.jdbcUrl());
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(-1);
        if (dialect == Dialect.SQLITE) {
            createParentDirectory(properties.jdbcUrl());
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "FULL");
            config.addDataSourceProperty("busy_timeout", "10000");
            config.addDataSourceProperty("foreign_keys", "true");
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            config.addDataSourceProperty("date_class", "INTEGER");
            // SQLite has one writer at a time, and its busy handler is unfair: waiters sleep and retry, so with
            // several connections a writer can starve past the busy timeout while others get through. One
            // connection makes the pool's queue the only queue, first come first served; statements are short.
            config.setMaximumPoolSize(1);
            config.setConnectionTimeout(30_000);
        } else {
            // A JDBC batch (reconciliation's rows and hops) goes as multi-row INSERTs, not one statement per row.
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
            config.setUsername(properties.db().user());
            config.setPassword(properties.db().password());
            config.setMaximumPoolSize(properties.db().poolSize());
        }
        return new HikariDataSource(config);
    }

    private static void createParentDirectory(String jdbcUrl) {
        String file = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        if (query >= 0) {
            file = file.substring(0, query);
        }
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + parent, e);
        }
    }
}
