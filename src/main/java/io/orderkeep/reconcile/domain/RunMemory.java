package io.orderkeep.reconcile.domain;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a run remembers between rows: the transactions already listed (to tell the same one twice) and the local
 * payments and refunds the file named (for the final pass). {@link #inMemory()} keeps the strings themselves
 * (about 100 bytes a row); {@link #compact(int)} keeps 64-bit fingerprints (about 12 bytes a row, for files of
 * millions of rows); a database-backed memory can implement the same three calls.
 */
public interface RunMemory {

    /** Records that {@code key} is listed on {@code line}; returns the line it was first listed on, or 0. */
    long firstListing(String key, long line);

    /** Records that the file named this local payment attempt or refund. */
    void listed(String localId);

    boolean wasListed(String localId);

    /** Fingerprints sized for about {@code expectedRows} rows (it grows if there are more). */
    static RunMemory compact(int expectedRows) {
        return new FingerprintRunMemory(expectedRows);
    }

    static RunMemory inMemory() {
        Map<String, Long> lines = new HashMap<>();
        Set<String> named = new HashSet<>();
        return new RunMemory() {
            @Override
            public long firstListing(String key, long line) {
                Long earlier = lines.putIfAbsent(key, line);
                return earlier == null ? 0 : earlier;
            }

            @Override
            public void listed(String localId) {
                named.add(localId);
            }

            @Override
            public boolean wasListed(String localId) {
                return named.contains(localId);
            }
        };
    }
}
