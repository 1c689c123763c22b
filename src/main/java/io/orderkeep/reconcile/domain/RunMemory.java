package io.orderkeep.reconcile.domain;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a run remembers between rows: the transactions already listed (to tell the same one twice) and the local
 * payments and refunds the file named (for the final pass). The in-memory form holds one entry per row; a run
 * over a file too large for the heap keeps this in the database instead.
 */
public interface RunMemory {

    /** Records that {@code key} is listed on {@code line}; returns the line it was first listed on, or 0. */
    long firstListing(String key, long line);

    /** Records that the file named this local payment attempt or refund. */
    void listed(String localId);

    boolean wasListed(String localId);

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
