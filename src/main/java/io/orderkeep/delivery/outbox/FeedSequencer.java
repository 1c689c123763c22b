package io.orderkeep.delivery.outbox;

import io.orderkeep.platform.Dialect;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives committed events their place in the pull feed.
 *
 * <p>Why not order the feed by an id from a sequence: on PostgreSQL a sequence value is taken when a row is
 * inserted, not when its transaction commits. A reader can see event 7 (committed) while event 6 is still in an
 * open transaction, move its cursor past 7, and never see 6. So positions are handed out after commit, by one
 * claimer at a time: this job locks the head row, takes the events it can see without a position (they are
 * committed, or it could not see them), and numbers them after the head. Every later run hands out larger numbers,
 * so once a reader has seen position P, nothing new ever appears at or below P: the feed is in the order events
 * became visible, which is commit order as any reader can observe it. Events of one order commit one after the
 * other (the order's row lock), and within a run they keep their order's sequence.
 *
 * <p>On SQLite there is one writer at a time, and the same code holds trivially.
 */
@Component
public class FeedSequencer {

    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final Dialect dialect;

    FeedSequencer(JdbcClient jdbc, Dialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    private record Unsequenced(String id, String orderId, long orderSeq) {}

    /** Numbers the events that have no position yet; returns how many. */
    @Transactional
    public int sequence() {
        long head = jdbc.sql("SELECT position FROM delivery_feed_head WHERE id = 1" + dialect.forUpdate())
                .query(Long.class).single();
        List<Unsequenced> events = jdbc.sql("""
                SELECT id, order_id, order_seq FROM delivery_events WHERE feed_position IS NULL
                ORDER BY recorded_seq LIMIT ?""")
                .param(BATCH)
                .query((rs, n) -> new Unsequenced(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list();
        if (events.isEmpty()) {
            return 0;
        }
        for (Unsequenced event : inOrderSequence(events)) {
            jdbc.sql("UPDATE delivery_events SET feed_position = ? WHERE id = ?").params(++head, event.id()).update();
        }
        jdbc.sql("UPDATE delivery_feed_head SET position = ? WHERE id = 1").param(head).update();
        return events.size();
    }

    /**
     * The events in the order they were inserted, except that the slots taken by one order's events are filled
     * in that order's own sequence (a belt and braces: the order's row lock already makes them insert in order).
     */
    static List<Unsequenced> inOrderSequence(List<Unsequenced> recorded) {
        var byOrder = new LinkedHashMap<String, List<Unsequenced>>();
        for (Unsequenced event : recorded) {
            byOrder.computeIfAbsent(event.orderId(), k -> new ArrayList<>()).add(event);
        }
        byOrder.values().forEach(list -> list.sort(Comparator.comparingLong(Unsequenced::orderSeq)));
        var next = new LinkedHashMap<String, Integer>();
        var result = new ArrayList<Unsequenced>(recorded.size());
        for (Unsequenced slot : recorded) {
            int i = next.merge(slot.orderId(), 1, Integer::sum) - 1;
            result.add(byOrder.get(slot.orderId()).get(i));
        }
        return result;
    }
}
