package io.orderkeep.access.domain;

/**
 * A token bucket: holds up to {@code burst} tokens, gains {@code perSecond} tokens a second, and each request takes
 * one. Time is given in epoch milliseconds by the caller, so a test can refill it by moving a clock.
 */
public final class TokenBucket {

    /**
     * How fast and how far a bucket fills.
     *
     * @param perSecond the sustained rate, tokens a second (above 0)
     * @param burst how many requests may come at once after a quiet spell (at least 1)
     */
    public record Limit(double perSecond, int burst) {
        public Limit {
            if (!(perSecond > 0) || burst < 1) {
                throw new IllegalArgumentException("a rate limit needs perSecond > 0 and burst >= 1, got "
                        + perSecond + " and " + burst);
            }
        }
    }

    private final Limit limit;
    private double tokens;
    private long updatedAt;
    private long lastUsedAt;

    public TokenBucket(Limit limit, long nowMillis) {
        this.limit = limit;
        this.tokens = limit.burst();
        this.updatedAt = nowMillis;
        this.lastUsedAt = nowMillis;
    }

    /** Takes a token if there is one: 0 when it was taken, else how many milliseconds until one is there. */
    public synchronized long tryTake(long nowMillis) {
        refill(nowMillis);
        lastUsedAt = Math.max(lastUsedAt, nowMillis);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) * 1000 / limit.perSecond()));
    }

    /** Whether the bucket is full again: then forgetting it changes nothing, a new one starts full too. */
    public synchronized boolean isFull(long nowMillis) {
        refill(nowMillis);
        return tokens >= limit.burst();
    }

    public synchronized long lastUsedAt() {
        return lastUsedAt;
    }

    private void refill(long nowMillis) {
        // A clock that steps back gives no tokens rather than taking some away.
        long elapsed = Math.max(0, nowMillis - updatedAt);
        tokens = Math.min(limit.burst(), tokens + elapsed * limit.perSecond() / 1000);
        updatedAt = Math.max(updatedAt, nowMillis);
    }
}
