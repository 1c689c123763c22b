package io.orderkeep.reconcile;

import io.orderkeep.order.OrderFixtures;
import io.orderkeep.support.Api;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Orders with payment attempts in chosen states, and a sandbox settlement file naming them: each test plants its
 * own day (Asia/Shanghai) so that runs of different tests never see each other's settled payments.
 */
final class ReconcileWorld {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    final Api api;
    final JdbcClient jdbc;
    final LocalDate day;
    final String merchant;
    final String tag = UUID.randomUUID().toString().substring(0, 8);
    final List<String> lines = new ArrayList<>(List.of(SandboxCsv.HEADER));

    ReconcileWorld(Api api, JdbcClient jdbc, LocalDate day) {
        this.api = api;
        this.jdbc = jdbc;
        this.day = day;
        this.merchant = OrderFixtures.newMerchant(api);
    }

    /** Noon on the world's day, Shanghai time, plus {@code minutes}: inside the file's window. */
    Instant at(int minutes) {
        return day.atTime(12, 0).atZone(SHANGHAI).toInstant().plusSeconds(60L * minutes);
    }

    /** A new order (2500 CNY) whose only attempt is {@code attemptId} in {@code status}, settled at {@code at}. */
    String order(String attemptId, String status, String providerRef, Instant at) {
        return order("sandbox", attemptId, status, providerRef, at);
    }

    /** As {@link #order(String, String, String, Instant)}, the attempt opened with {@code provider}. */
    String order(String provider, String attemptId, String status, String providerRef, Instant at) {
        String orderId = OrderFixtures.created(api, OrderFixtures.order(merchant));
        jdbc.sql("DELETE FROM payment_attempts WHERE order_id = ?").param(orderId).update();
        jdbc.sql("""
                INSERT INTO payment_attempts (id, order_id, provider, number, status, amount, currency, provider_ref,
                    opened_at, due_at, expires_at, updated_at, succeeded_at)
                VALUES (?, ?, ?, 1, ?, 2500, 'CNY', ?, ?, NULL, ?, ?, ?)""")
                .params(attemptId, orderId, provider, status, providerRef, at.toEpochMilli(), at.toEpochMilli() + 1_800_000,
                        at.toEpochMilli(), "SUCCEEDED".equals(status) ? at.toEpochMilli() : null).update();
        return orderId;
    }

    String id(String name) {
        return name + "_" + tag;
    }

    void payment(String txId, String providerRef, String outTradeNo, long amount, Instant at) {
        lines.add(SandboxCsv.payment(txId, providerRef, outTradeNo, amount, at));
    }

    void line(String raw) {
        lines.add(raw);
    }

    String file() {
        return String.join("\n", lines) + "\n";
    }

    /** POST /api/v1/reconciliations as multipart with the world's file. */
    Api.Response upload(Api as, boolean dryRun) {
        return upload(as, "sandbox", file().getBytes(java.nio.charset.StandardCharsets.UTF_8), dryRun);
    }

    /** POST /api/v1/reconciliations as multipart with {@code file}'s bytes for {@code provider}, the world's day. */
    Api.Response upload(Api as, String provider, byte[] file, boolean dryRun) {
        String boundary = "----ok" + UUID.randomUUID().toString().replace("-", "");
        String head = part(boundary, "provider", provider) + part(boundary, "date", day.toString())
                + (dryRun ? part(boundary, "dryRun", "true") : "")
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"s.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n";
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return as.sendBytes("POST", "/api/v1/reconciliations", body.toByteArray(),
                "multipart/form-data; boundary=" + boundary);
    }

    private static String part(String boundary, String name, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }
}
