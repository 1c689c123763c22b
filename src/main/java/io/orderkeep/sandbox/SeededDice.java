package io.orderkeep.sandbox;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Dice whose every throw is a pure function of (seed, kind, subject, occurrence): the n-th throw of one kind for one
 * subject lands the same way whatever else was thrown before it. A sequential {@link java.util.Random} would hand
 * the same numbers out in the order calls arrive, and that order depends on thread timing; keying each throw by what
 * it is about makes one seed give the same faults to the same payments and deliveries in every run.
 *
 * <p>Occurrences are counted in memory, so they start from zero again in a new process.
 */
public final class SeededDice {

    private final long seed;
    private final ConcurrentHashMap<String, AtomicInteger> occurrences = new ConcurrentHashMap<>();

    public SeededDice(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /**
     * Whether the next throw of {@code kind} for {@code subject} falls under {@code probability}. A probability of 0
     * never strikes and 1 always does, without a throw, so settings of 0 and 1 are exact.
     */
    public boolean strikes(String kind, String subject, double probability) {
        if (probability <= 0) {
            return false;
        }
        if (probability >= 1) {
            return true;
        }
        return next(kind, subject) < probability;
    }

    /** A whole number drawn uniformly from {@code [min, max]} (both ends included) by the next throw. */
    public long between(String kind, String subject, long min, long max) {
        if (max <= min) {
            return min;
        }
        return min + (long) Math.floor(next(kind, subject) * (max - min + 1));
    }

    /** The next throw of {@code kind} for {@code subject}: a number in [0, 1). */
    public double next(String kind, String subject) {
        int n = occurrences.computeIfAbsent(kind + '\u0000' + subject, k -> new AtomicInteger()).getAndIncrement();
        return at(kind, subject, n);
    }

    /** The {@code n}-th throw (from 0) of {@code kind} for {@code subject}, without counting it. */
    public double at(String kind, String subject, int n) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
        sha.update(ByteBuffer.allocate(Long.BYTES + Integer.BYTES).putLong(seed).putInt(n).array());
        // Lengths first, so that ("ab", "c") and ("a", "bc") are different throws.
        byte[] k = kind.getBytes(StandardCharsets.UTF_8);
        byte[] s = subject.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(2 * Integer.BYTES).putInt(k.length).putInt(s.length).array());
        sha.update(k);
        sha.update(s);
        long bits = ByteBuffer.wrap(sha.digest()).getLong();
        return (bits >>> 11) * 0x1.0p-53;
    }
}
