package io.orderkeep.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sandbox.db written before payments had a reference still opens, and its payments keep working. */
class OlderFileTest {

    @TempDir
    Path dir;

    @Test
    void aFileWithoutTheNewerColumnsGetsThem() throws Exception {
        Path file = dir.resolve("sandbox.db");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file); var s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE payments (provider_ref TEXT PRIMARY KEY, out_trade_no TEXT NOT NULL UNIQUE,
                        amount INTEGER NOT NULL, currency TEXT NOT NULL, notify_url TEXT NOT NULL, status TEXT NOT NULL,
                        refunded_amount INTEGER NOT NULL DEFAULT 0, transaction_id TEXT UNIQUE,
                        created_at INTEGER NOT NULL, paid_at INTEGER, failed_at INTEGER, closed_at INTEGER,
                        updated_at INTEGER NOT NULL)""");
            s.execute("""
                    CREATE TABLE notifications (id INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL,
                        provider_ref TEXT NOT NULL, notify_url TEXT NOT NULL, body TEXT NOT NULL, state TEXT NOT NULL,
                        attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at INTEGER NOT NULL, last_status INTEGER,
                        last_error TEXT, created_at INTEGER NOT NULL, delivered_at INTEGER)""");
            s.execute("""
                    INSERT INTO payments VALUES ('sbx_OLD', 'pay_old', 100, 'CNY', 'http://127.0.0.1:9/n', 'PENDING',
                        0, NULL, 1764000000000, NULL, NULL, NULL, 1764000000000)""");
        }
        try (var receiver = new NotifyReceiver();
                var sandbox = SandboxServer.start(Sandboxes.config(dir).withFaults(new Faults(0.5, 0.5, 0, 0, 0.5, 0, 0)))) {
            var client = new SandboxClient(sandbox.url());

            var old = client.pay("sbx_OLD", "SUCCEEDED");
            client.createPayment("pay_new", 100, receiver.url());

            assertThat(old.get("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(old.get("reference").isNull()).isTrue();
        }
    }
}
