package io.orderkeep.sandbox.core;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The payments and refunds tables; every method runs inside the caller's transaction. */
final class Payments {

    private static final String COLUMNS = "provider_ref, out_trade_no, amount, currency, notify_url, status, "
            + "refunded_amount, transaction_id, created_at, paid_at, failed_at, closed_at, updated_at, reference";

    private Payments() {}

    static void insert(Connection c, Payment p) throws SQLException {
        try (var s = c.prepareStatement("INSERT INTO payments (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            s.setString(1, p.providerRef());
            s.setString(2, p.outTradeNo());
            s.setLong(3, p.amount());
            s.setString(4, p.currency());
            s.setString(5, p.notifyUrl());
            s.setString(6, p.status().name());
            s.setLong(7, p.refundedAmount());
            s.setString(8, p.transactionId());
            s.setLong(9, p.createdAt().toEpochMilli());
            setInstant(s, 10, p.paidAt());
            setInstant(s, 11, p.failedAt());
            setInstant(s, 12, p.closedAt());
            s.setLong(13, p.updatedAt().toEpochMilli());
            s.setString(14, p.reference());
            s.executeUpdate();
        }
    }

    /** Writes the mutable part of {@code next}, provided the row still has {@code expected} status. */
    static void update(Connection c, Payment next, PaymentStatus expected) throws SQLException {
        try (var s = c.prepareStatement("""
                UPDATE payments SET status = ?, refunded_amount = ?, transaction_id = ?, paid_at = ?, failed_at = ?,
                       closed_at = ?, updated_at = ?
                 WHERE provider_ref = ? AND status = ?""")) {
            s.setString(1, next.status().name());
            s.setLong(2, next.refundedAmount());
            s.setString(3, next.transactionId());
            setInstant(s, 4, next.paidAt());
            setInstant(s, 5, next.failedAt());
            setInstant(s, 6, next.closedAt());
            s.setLong(7, next.updatedAt().toEpochMilli());
            s.setString(8, next.providerRef());
            s.setString(9, expected.name());
            int rows = s.executeUpdate();
            if (rows != 1) {
                throw new IllegalStateException("expected one payment updated, got " + rows + ": indicates a bug");
            }
        }
    }

    static Optional<Payment> byRef(Connection c, String providerRef) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM payments WHERE provider_ref = ?", providerRef);
    }

    static Optional<Payment> byOutTradeNo(Connection c, String outTradeNo) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM payments WHERE out_trade_no = ?", outTradeNo);
    }

    /** Oldest first, after the given provider reference (they sort by creation time). */
    static List<Payment> page(Connection c, String after, int limit) throws SQLException {
        try (var s = c.prepareStatement("SELECT " + COLUMNS
                + " FROM payments WHERE provider_ref > ? ORDER BY provider_ref LIMIT ?")) {
            s.setString(1, after == null ? "" : after);
            s.setInt(2, limit);
            return all(s);
        }
    }

    static List<Payment> paidBetween(Connection c, Instant from, Instant to) throws SQLException {
        try (var s = c.prepareStatement("SELECT " + COLUMNS
                + " FROM payments WHERE paid_at >= ? AND paid_at < ? ORDER BY paid_at, provider_ref")) {
            s.setLong(1, from.toEpochMilli());
            s.setLong(2, to.toEpochMilli());
            return all(s);
        }
    }

    static void insertRefund(Connection c, Refund r) throws SQLException {
        try (var s = c.prepareStatement(
                "INSERT INTO refunds (refund_id, provider_ref, amount, created_at) VALUES (?,?,?,?)")) {
            s.setString(1, r.refundId());
            s.setString(2, r.providerRef());
            s.setLong(3, r.amount());
            s.setLong(4, r.createdAt().toEpochMilli());
            s.executeUpdate();
        }
    }

    static Optional<Refund> refund(Connection c, String refundId) throws SQLException {
        List<Refund> found = refunds(c, "WHERE refund_id = ?", refundId);
        return found.stream().findFirst();
    }

    static List<Refund> refundsOf(Connection c, String providerRef) throws SQLException {
        return refunds(c, "WHERE provider_ref = ? ORDER BY created_at, refund_id", providerRef);
    }

    static List<Refund> refundsBetween(Connection c, Instant from, Instant to) throws SQLException {
        try (var s = c.prepareStatement("SELECT refund_id, provider_ref, amount, created_at FROM refunds"
                + " WHERE created_at >= ? AND created_at < ? ORDER BY created_at, refund_id")) {
            s.setLong(1, from.toEpochMilli());
            s.setLong(2, to.toEpochMilli());
            return readRefunds(s);
        }
    }

    private static List<Refund> refunds(Connection c, String where, String arg) throws SQLException {
        try (var s = c.prepareStatement("SELECT refund_id, provider_ref, amount, created_at FROM refunds " + where)) {
            s.setString(1, arg);
            return readRefunds(s);
        }
    }

    private static List<Refund> readRefunds(PreparedStatement s) throws SQLException {
        var out = new ArrayList<Refund>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(new Refund(rs.getString(1), rs.getString(2), rs.getLong(3),
                        Instant.ofEpochMilli(rs.getLong(4))));
            }
        }
        return out;
    }

    private static Optional<Payment> one(Connection c, String sql, String arg) throws SQLException {
        try (var s = c.prepareStatement(sql)) {
            s.setString(1, arg);
            return all(s).stream().findFirst();
        }
    }

    private static List<Payment> all(PreparedStatement s) throws SQLException {
        var out = new ArrayList<Payment>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(new Payment(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), PaymentStatus.valueOf(rs.getString(6)), rs.getLong(7), rs.getString(8),
                        Instant.ofEpochMilli(rs.getLong(9)), instant(rs, 10), instant(rs, 11), instant(rs, 12),
                        Instant.ofEpochMilli(rs.getLong(13)), rs.getString(14)));
            }
        }
        return out;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static void setInstant(PreparedStatement s, int index, Instant value) throws SQLException {
        if (value == null) {
            s.setNull(index, java.sql.Types.BIGINT);
        } else {
            s.setLong(index, value.toEpochMilli());
        }
    }
}
