package io.orderkeep.platform;

/**
 * The few places where SQLite and PostgreSQL differ. Everything else is written once in the SQL both understand.
 */
public enum Dialect {
    SQLITE,
    POSTGRESQL;

    public static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported database URL, expected jdbc:sqlite: or jdbc:postgresql: — got "
                + jdbcUrl.replaceAll("password=[^&;]*", "password=***"));
    }

    /**
     * The clause that claims rows for this transaction only. SQLite has one writer at a time and every write
     * transaction starts IMMEDIATE, so a claim there needs no clause at all.
     */
    public String skipLocked() {
        return this == POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "";
    }

    /** Locks the selected rows until commit; on SQLite the write lock already covers them. */
    public String forUpdate() {
        return this == POSTGRESQL ? " FOR UPDATE" : "";
    }
}
