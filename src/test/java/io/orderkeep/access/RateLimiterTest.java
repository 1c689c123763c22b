package io.orderkeep.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.access.domain.RateLimiter;
import io.orderkeep.access.domain.TokenBucket;
import io.orderkeep.access.domain.TokenBucket.Limit;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void bucketAllowsBurstThenAsksToWaitForTheNextToken() {
        var bucket = new TokenBucket(new Limit(2, 3), 0);
        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isEqualTo(500);
        assertThat(bucket.tryTake(499)).isEqualTo(2);
        assertThat(bucket.tryTake(500)).isZero();
    }

    @Test
    void bucketNeverHoldsMoreThanItsBurst() {
        var bucket = new TokenBucket(new Limit(10, 2), 0);
        long later = 3_600_000;
        assertThat(bucket.tryTake(later)).isZero();
        assertThat(bucket.tryTake(later)).isZero();
        assertThat(bucket.tryTake(later)).isPositive();
    }

    @Test
    void clockSteppingBackGivesNoTokens() {
        var bucket = new TokenBucket(new Limit(1, 1), 10_000);
        assertThat(bucket.tryTake(10_000)).isZero();
        assertThat(bucket.tryTake(5_000)).isPositive();
    }

    @Test
    void eachNameHasItsOwnBucket() {
        var limiter = new RateLimiter(new Limit(1, 1), 100);
        assertThat(limiter.tryTake("10.0.0.1", 0)).isZero();
        assertThat(limiter.tryTake("10.0.0.1", 0)).isEqualTo(1000);
        assertThat(limiter.tryTake("10.0.0.2", 0)).isZero();
    }

    @Test
    void idleBucketsAreForgottenAndMemoryStaysBounded() {
        var limiter = new RateLimiter(new Limit(1, 1), 1000);
        for (int i = 0; i < 5000; i++) {
            limiter.tryTake("addr-" + i, 0);
        }
        assertThat(limiter.tracked()).isLessThanOrEqualTo(1000);
        limiter.tryTake("late", 120_000);
        assertThat(limiter.tracked()).isEqualTo(1);
    }

    @Test
    void busyNamesOverTheCapEvictTheLeastRecentlyUsed() {
        var limiter = new RateLimiter(new Limit(0.001, 1), 4);
        for (int i = 0; i < 4; i++) {
            limiter.tryTake("n" + i, i);
        }
        limiter.tryTake("n4", 10);
        assertThat(limiter.tracked()).isLessThanOrEqualTo(4);
        // n3 was used last among the old ones and is still limited
        assertThat(limiter.tryTake("n3", 11)).isPositive();
        assertThat(limiter.tryTake("n0", 11)).isZero();
    }
}
