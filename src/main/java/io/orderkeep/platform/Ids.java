package io.orderkeep.platform;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * Opaque ids with a type prefix ({@code ord_…}, {@code pay_…}): a ULID after the prefix, so ids sort by creation
 * time and carry 80 random bits.
 */
public final class Ids {

    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    public static String next(String prefix, Clock clock) {
        return prefix + "_" + ulid(clock.millis());
    }

    public static String next(String prefix) {
        return next(prefix, Clock.systemUTC());
    }

    static String ulid(long millis) {
        char[] out = new char[26];
        long time = millis;
        for (int i = 9; i >= 0; i--) {
            out[i] = CROCKFORD[(int) (time & 31)];
            time >>>= 5;
        }
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 5; i++) {
            hi = (hi << 8) | (random[i] & 0xff);
            lo = (lo << 8) | (random[i + 5] & 0xff);
        }
        for (int i = 17; i >= 10; i--) {
            out[i] = CROCKFORD[(int) (hi & 31)];
            hi >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            out[i] = CROCKFORD[(int) (lo & 31)];
            lo >>>= 5;
        }
        return new String(out);
    }
}
