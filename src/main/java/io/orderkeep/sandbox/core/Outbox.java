package io.orderkeep.sandbox.core;

import io.orderkeep.platform.Ids;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pending notifications, kept in the sandbox's database so that they survive a restart. A status change writes its
 * notification in the same transaction; this is also where the drop, duplicate and delay faults strike.
 */
public final class Outbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "id, event_id, provider_ref, notify_url, body, state, attempts, "
            + "next_attempt_at, last_status, last_error, created_at, delivered_at, dice_subject";

    private final SandboxDatabase database;
    private final FaultDice dice;
    private final Clock clock;

    public Outbox(SandboxDatabase database, FaultDice dice, Clock clock) {
        this.database = database;
        this.dice = dice;
        this.clock = clock;
    }

    /** Records the notification of {@code payment}'s current status, inside the caller's transaction. */
    void enqueue(Connection c, Payment payment) throws SQLException {
        Instant now = clock.instant();
        String eventId = Ids.next("evt", clock);
        var body = new LinkedHashMap<String, Object>();
        body.put("eventId", eventId);
        body.put("providerRef", payment.providerRef());
        body.put("outTradeNo", payment.outTradeNo());
        body.put("status", payment.status().name());
        body.put("amount", payment.amount());
        body.put("currency", payment.currency());
        body.put("refundedAmount", payment.refundedAmount());
        body.put("occurredAt", payment.updatedAt().toString());
        String json = JSON.writeValueAsString(body);
        // A payment passes through a status once, except PARTIALLY_REFUNDED: the dice count those occurrences.
        String change = payment.diceKey() + "|" + payment.status().name();
        if (dice.dropNotify(change)) {
            insert(c, eventId, payment, json, Notification.State.DROPPED, now, now, change);
            return;
        }
        int copies = dice.duplicateNotify(change) ? 2 : 1;
        for (int i = 0; i < copies; i++) {
            insert(c, eventId, payment, json, Notification.State.PENDING, now.plusMillis(dice.notifyDelayMs(change)),
                    now, change);
        }
    }

    private static void insert(Connection c, String eventId, Payment p, String body, Notification.State state,
            Instant due, Instant now, String diceSubject) throws SQLException {
        try (var s = c.prepareStatement("""
                INSERT INTO notifications (event_id, provider_ref, notify_url, body, state, attempts, next_attempt_at,
                                           created_at, dice_subject)
                VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)""")) {
            s.setString(1, eventId);
            s.setString(2, p.providerRef());
            s.setString(3, p.notifyUrl());
            s.setString(4, body);
            s.setString(5, state.name());
            s.setLong(6, due.toEpochMilli());
            s.setLong(7, now.toEpochMilli());
            s.setString(8, diceSubject);
            s.executeUpdate();
        }
    }

    /**
     * Pending notifications due now, earliest first, leaving out those being delivered. The set is copied before the
     * query: a delivery records its result before it leaves the set, so a row read here is either fresh or excluded.
     */
    public List<Notification> due(int limit, Set<Long> inFlight) {
        Set<Long> busy = Set.copyOf(inFlight);
        return database.inTransaction(c -> select(c, "WHERE state = 'PENDING' AND next_attempt_at <= ?"
                + " ORDER BY next_attempt_at, id LIMIT ?", clock.millis(), limit + busy.size()))
                .stream().filter(n -> !busy.contains(n.id())).limit(limit).toList();
    }

    /** When the earliest pending notification is due, if any is pending. */
    public Optional<Instant> nextDue() {
        return database.inTransaction(c -> {
            try (var s = c.prepareStatement("SELECT MIN(next_attempt_at) FROM notifications WHERE state = 'PENDING'");
                    ResultSet rs = s.executeQuery()) {
                long next = rs.next() ? rs.getLong(1) : 0;
                return rs.wasNull() ? Optional.<Instant>empty() : Optional.of(Instant.ofEpochMilli(next));
            }
        });
    }

    public List<Notification> of(String providerRef) {
        return database.inTransaction(c -> select(c, "WHERE provider_ref = ? ORDER BY id", providerRef));
    }

    public void delivered(Notification n, int status) {
        record(n, Notification.State.DELIVERED, n.nextAttemptAt(), status, null, clock.instant());
    }

    /** A failed attempt: try again at {@code next}, or give up when there is no next attempt. */
    public void failed(Notification n, Integer status, String error, Optional<Instant> next) {
        record(n, next.isPresent() ? Notification.State.PENDING : Notification.State.GAVE_UP,
                next.orElse(n.nextAttemptAt()), status, error, null);
    }

    private void record(Notification n, Notification.State state, Instant next, Integer status, String error,
            Instant deliveredAt) {
        database.inTransaction(c -> {
            try (var s = c.prepareStatement("""
                    UPDATE notifications SET state = ?, attempts = attempts + 1, next_attempt_at = ?, last_status = ?,
                           last_error = ?, delivered_at = ?
                     WHERE id = ? AND state = 'PENDING'""")) {
                s.setString(1, state.name());
                s.setLong(2, next.toEpochMilli());
                s.setObject(3, status);
                s.setString(4, error);
                s.setObject(5, deliveredAt == null ? null : deliveredAt.toEpochMilli());
                s.setLong(6, n.id());
                return s.executeUpdate();
            }
        });
    }

    private static List<Notification> select(Connection c, String where, Object... args) throws SQLException {
        try (var s = c.prepareStatement("SELECT " + COLUMNS + " FROM notifications " + where)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            var out = new ArrayList<Notification>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    int lastStatus = rs.getInt(9);
                    Integer status = rs.wasNull() ? null : lastStatus;
                    long delivered = rs.getLong(12);
                    Instant deliveredAt = rs.wasNull() ? null : Instant.ofEpochMilli(delivered);
                    out.add(new Notification(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), Notification.State.valueOf(rs.getString(6)), rs.getInt(7),
                            Instant.ofEpochMilli(rs.getLong(8)), status, rs.getString(10),
                            Instant.ofEpochMilli(rs.getLong(11)), deliveredAt, rs.getString(13)));
                }
            }
            return out;
        }
    }
}
