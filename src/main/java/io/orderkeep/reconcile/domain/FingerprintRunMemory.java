package io.orderkeep.reconcile.domain;

/**
 * A run's memory in primitive arrays: each key is kept as a 64-bit fingerprint in an open-addressing table, about
 * 12 bytes a key instead of ~100 for a string in a hash map, so ten million rows fit in a few hundred megabytes.
 * Two different keys share a fingerprint with probability about n²/2⁶⁵ (3·10⁻⁶ for ten million keys); such a
 * collision would report a row as listed twice or a local record as listed. Zero marks an empty slot, so a key
 * whose fingerprint is zero is stored as one.
 */
final class FingerprintRunMemory implements RunMemory {

    private final Table listings;
    private final Table named;

    FingerprintRunMemory(int expectedKeys) {
        this.listings = new Table(expectedKeys);
        this.named = new Table(expectedKeys);
    }

    @Override
    public long firstListing(String key, long line) {
        return listings.putIfAbsent(fingerprint(key), (int) Math.min(line, Integer.MAX_VALUE));
    }

    @Override
    public void listed(String localId) {
        named.putIfAbsent(fingerprint(localId), 1);
    }

    @Override
    public boolean wasListed(String localId) {
        return named.get(fingerprint(localId)) != 0;
    }

    /** FNV-1a over the characters, then MurmurHash3's finaliser to spread similar ids over the whole table. */
    static long fingerprint(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }

    /** Fingerprint → positive int value; 0 means absent. Doubles when three quarters full. */
    private static final class Table {

        private long[] keys;
        private int[] values;
        private int size;

        Table(int expected) {
            int capacity = Integer.highestOneBit(Math.max(16, (int) Math.min(1 << 30, expected * 4L / 3 + 1)) * 2 - 1);
            keys = new long[capacity];
            values = new int[capacity];
        }

        /** Stores {@code value} unless the key is present; returns the value it already had, or 0. */
        long putIfAbsent(long key, int value) {
            int slot = slot(keys, key);
            if (keys[slot] == key) {
                return values[slot];
            }
            keys[slot] = key;
            values[slot] = Math.max(value, 1);
            if (++size * 4L > keys.length * 3L) {
                grow();
            }
            return 0;
        }

        int get(long key) {
            int slot = slot(keys, key);
            return keys[slot] == key ? values[slot] : 0;
        }

        private static int slot(long[] keys, long key) {
            int mask = keys.length - 1;
            int slot = (int) key & mask;
            while (keys[slot] != 0 && keys[slot] != key) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new int[oldKeys.length * 2];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != 0) {
                    int slot = slot(keys, oldKeys[i]);
                    keys[slot] = oldKeys[i];
                    values[slot] = oldValues[i];
                }
            }
        }
    }
}
