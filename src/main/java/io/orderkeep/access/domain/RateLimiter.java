package io.orderkeep.access.domain;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One token bucket per name (a key id, a client address), in bounded memory. A bucket that has filled up again is
 * forgotten, since a new one would start full too; that happens on a sweep once a minute. If more names than
 * {@code maxTracked} are busy at once, the least recently used are forgotten, which only ever errs on the side of
 * letting a request through.
 */
public final class RateLimiter {

    static final long SWEEP_EVERY_MILLIS = 60_000;

    private final TokenBucket.Limit limit;
    private final int maxTracked;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final ReentrantLock sweeping = new ReentrantLock();
    private volatile long lastSweepAt;

    public RateLimiter(TokenBucket.Limit limit, int maxTracked) {
        if (maxTracked < 1) {
            throw new IllegalArgumentException("maxTracked must be at least 1, got " + maxTracked);
        }
        this.limit = limit;
        this.maxTracked = maxTracked;
    }

    /** Takes a token from {@code name}'s bucket: 0 when the request may go, else the milliseconds to wait. */
    public long tryTake(String name, long nowMillis) {
        if (buckets.size() >= maxTracked || nowMillis - lastSweepAt >= SWEEP_EVERY_MILLIS) {
            sweep(nowMillis);
        }
        return buckets.computeIfAbsent(name, n -> new TokenBucket(limit, nowMillis)).tryTake(nowMillis);
    }

    /** How many names have a bucket now. */
    public int tracked() {
        return buckets.size();
    }

    private void sweep(long nowMillis) {
        // One thread sweeps; the others go on with their request rather than queue behind it.
        if (!sweeping.tryLock()) {
            return;
        }
        try {
            lastSweepAt = nowMillis;
            buckets.values().removeIf(bucket -> bucket.isFull(nowMillis));
            int excess = buckets.size() - maxTracked * 3 / 4;
            if (excess > 0) {
                buckets.entrySet().stream()
                        .sorted(Comparator.comparingLong(e -> e.getValue().lastUsedAt()))
                        .limit(excess)
                        .map(Map.Entry::getKey)
                        .toList()
                        .forEach(buckets::remove);
            }
        } finally {
            sweeping.unlock();
        }
    }
}
