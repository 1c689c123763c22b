package io.orderkeep.payment;

import java.time.Duration;
import java.util.List;

/**
 * How late one provider's notifications arrived over a window: from the provider's event time to our receipt, over
 * the notifications first received in the window that stated an event time. Percentiles are nearest-rank.
 */
public record NotificationLag(String provider, long count, Duration p50, Duration p99, Duration max) {

    /** @param sortedLags the window's lags in ascending order, at least one */
    public static NotificationLag of(String provider, List<Duration> sortedLags) {
        if (sortedLags.isEmpty()) {
            throw new IllegalArgumentException("no lag for provider " + provider + ": indicates a bug");
        }
        return new NotificationLag(provider, sortedLags.size(), rank(sortedLags, 0.50), rank(sortedLags, 0.99),
                sortedLags.getLast());
    }

    private static Duration rank(List<Duration> sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
