package io.orderkeep.payment;

import java.time.Instant;
import java.util.List;

/** Notification lag per provider, read from the stored notifications (database-wide, so every instance agrees). */
public interface NotificationLags {

    /** One entry per provider that had a notification with an event time received at or after {@code from}. */
    List<NotificationLag> since(Instant from);
}
