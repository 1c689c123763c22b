package io.orderkeep.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.orderkeep.support.DatabaseTest;
import io.orderkeep.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded database keeps an acknowledged order through a power cut and queues writers instead of failing. */
@DatabaseTest
class SqliteSettingsTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyConnectionRunsWalWithFullSyncAndABusyTimeout() {
        assumeTrue(!TestDatabase.postgres(), "SQLite only");
        for (int i = 0; i < 6; i++) {
            assertThat(jdbc.sql("PRAGMA journal_mode").query(String.class).single()).isEqualToIgnoringCase("wal");
            assertThat(jdbc.sql("PRAGMA synchronous").query(Integer.class).single()).isEqualTo(2);
            assertThat(jdbc.sql("PRAGMA busy_timeout").query(Integer.class).single()).isGreaterThanOrEqualTo(10_000);
            assertThat(jdbc.sql("PRAGMA foreign_keys").query(Integer.class).single()).isEqualTo(1);
        }
    }
}
