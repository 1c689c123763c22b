package io.orderkeep.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.orderkeep.support.TestDatabase;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionSystemException;

class StorageFailuresTest {

    @Test
    void sqliteWriterLockedOutPastItsBusyTimeoutIsUnavailable() throws Exception {
        String url = "jdbc:sqlite:" + TestDatabase.temporaryDirectory().resolve("busy.db");
        try (var holder = DriverManager.getConnection(url);
             var other = DriverManager.getConnection(url + "?busy_timeout=50")) {
            holder.createStatement().execute("CREATE TABLE t (x INTEGER)");
            holder.setAutoCommit(false);
            holder.createStatement().execute("INSERT INTO t VALUES (1)");

            Throwable locked = catchThrowable(() -> other.createStatement().execute("INSERT INTO t VALUES (2)"));

            assertThat(locked).isInstanceOf(SQLException.class);
            assertThat(StorageFailures.isUnavailable(new RuntimeException("wrapped", locked))).isTrue();
            var rollbackFailed = new TransactionSystemException("JDBC rollback failed");
            rollbackFailed.initApplicationException(new RuntimeException(locked));
            assertThat(StorageFailures.isUnavailable(rollbackFailed)).isTrue();
            holder.rollback();
        }
    }

    @Test
    void otherErrorsAreNotUnavailable() {
        assertThat(StorageFailures.isUnavailable(new IllegalStateException("bug"))).isFalse();
        assertThat(StorageFailures.isUnavailable(new RuntimeException(new SQLException("syntax", "42601", 0)))).isFalse();
    }
}
