package io.orderkeep.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The operational state of Orderkeep, read from the database at one moment: what the metrics show, what readiness
 * and {@code doctor} judge and what alerts fire on.
 *
 * @param unreturnedByHop unreturned hops (overdue, failed, or pending past due) keyed by hop then age bucket
 * @param unreturnedOrders distinct orders with at least one unreturned hop
 * @param resolvedByQuery order changes the watch's provider queries made
 * @param escalated orders the watch flagged for a person (the result still unknown after every query)
 * @param oldestDeliveryDue how long the most overdue webhook delivery has waited (zero when none): the dispatcher's pulse
 * @param oldestWatchDue how long the most overdue payment check has waited (zero when none): the watch's pulse
 * @param lastEscalationAt when the watch last flagged an order for a person; null if it never did
 */
public record OpsFigures(Instant at, Map<String, Map<String, Long>> unreturnedByHop, long unreturnedOrders,
        Map<String, Long> ordersByStatus, long needingAttention, long resolvedByQuery, long escalated,
        Map<String, Long> deliveryBacklog, Map<String, Long> deadLetters, Map<String, Long> deliveryAttempts,
        List<String> disabledEndpoints, long unsequencedEvents, Duration oldestDeliveryDue, Duration oldestWatchDue,
        long unresolvedOrphanNotifications, Instant lastEscalationAt) {

    /** Age buckets of an unreturned hop, measured from when it was due. */
    public static final List<String> AGE_BUCKETS = List.of("lt_5m", "5m_1h", "1h_1d", "gt_1d");

    public static String ageBucket(Duration overdue) {
        if (overdue.compareTo(Duration.ofMinutes(5)) < 0) {
            return "lt_5m";
        }
        if (overdue.compareTo(Duration.ofHours(1)) < 0) {
            return "5m_1h";
        }
        return overdue.compareTo(Duration.ofDays(1)) < 0 ? "1h_1d" : "gt_1d";
    }

    public long deliveryBacklogTotal() {
        return deliveryBacklog.values().stream().mapToLong(Long::longValue).sum();
    }
}
