package io.orderkeep.platform;

import java.sql.SQLException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether an error means "storage is unavailable right now, nothing was written, try again": the answer is then
 * 503 {@code unavailable} with {@code Retry-After}, never a 500.
 */
public final class StorageFailures {

    /** SQLite's SQLITE_BUSY and SQLITE_LOCKED: another writer held the lock past the busy timeout. */
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;

    private StorageFailures() {}

    public static boolean isUnavailable(Throwable error) {
        if (error instanceof CannotGetJdbcConnectionException || error instanceof CannotCreateTransactionException
                || error instanceof DataAccessResourceFailureException || error instanceof QueryTimeoutException
                || error instanceof TransientDataAccessException) {
            return true;
        }
        // SQLite's driver gives no SQL state, so Spring cannot classify its lock errors; and a failed BEGIN makes
        // the rollback fail too, which hides the lock error behind a TransactionSystemException.
        if (error instanceof TransactionSystemException tse && tse.getApplicationException() != null) {
            return isUnavailable(tse.getApplicationException()) || isSqliteLock(error);
        }
        return isSqliteLock(error);
    }

    private static boolean isSqliteLock(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && t.getClass().getName().startsWith("org.sqlite.")
                    && ((sql.getErrorCode() & 0xff) == SQLITE_BUSY || (sql.getErrorCode() & 0xff) == SQLITE_LOCKED)) {
                return true;
            }
            if (t instanceof TransactionSystemException tse && tse.getApplicationException() != null
                    && isSqliteLock(tse.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    static ApiException problem() {
        return ApiException.unavailable("Storage is unavailable; nothing was written. Retry later.", 5);
    }
}
