package io.orderkeep.ops;

import static io.orderkeep.cli.CliRunner.cli;
import static io.orderkeep.order.OrderFixtures.created;
import static io.orderkeep.order.OrderFixtures.key;
import static io.orderkeep.order.OrderFixtures.newMerchant;
import static io.orderkeep.order.OrderFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.platform.OrderkeepProperties;
import io.orderkeep.support.Api;
import io.orderkeep.support.EvidenceChain;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** An order's evidence holds every step, and a third party can recompute its audit chain. */
@OpsTest
class EvidenceHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrderkeepProperties properties;

    @Test
    void evidenceHoldsHistoryDeliveriesAndAChainAThirdPartyCanRecompute() {
        Api admin = Api.at(port).asAdmin();
        String merchant = newMerchant(Api.at(port));
        admin.post("/api/v1/webhook-endpoints", Map.of("merchantId", merchant, "url", "http://127.0.0.1:9/hook",
                "events", List.of("*")));
        var body = order(merchant);
        body.put("payment", Map.of("provider", "hopper"));
        String id = created(admin, body);
        var cancelled = admin.post("/api/v1/orders/" + id + "/cancel", Map.of("reason", "customer changed their mind"));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        String delivery = jdbc.sql("SELECT id FROM webhook_deliveries WHERE order_id = ? ORDER BY order_seq")
                .param(id).query(String.class).list().getFirst();
        admin.post("/api/v1/deliveries/" + delivery + "/replay", Map.of());
        // What the mailer leaves once the SMTP server accepted the order's e-mail (no mail server in this context).
        String event = jdbc.sql("SELECT id FROM delivery_events WHERE order_id = ? ORDER BY order_seq")
                .param(id).query(String.class).list().getFirst();
        jdbc.sql("""
                INSERT INTO customer_emails (id, event_id, order_id, recipient, locale, type, status, attempts,
                    next_attempt_at, created_at, updated_at)
                VALUES (?, ?, ?, 'li.wei@example.com', 'zh-CN', 'order.created', 'SENT', 1, 0, 0, 0)""")
                .params("eml_" + id, event, id).update();
        // A settlement file's row naming the order that waits for review (what a run leaves); a person dismisses it.
        String discrepancy = "rr_" + id;
        jdbc.sql("""
                INSERT INTO reconciliation_runs (id, provider, file_sha256, file_path, day, zone, status, rows_total,
                    created_by, created_at)
                VALUES (?, 'sandbox', ?, 'f.csv', '2026-11-24', 'UTC', 'COMPLETED', 1, 'system', 0)""")
                .params("rec_" + id, id).update();
        jdbc.sql("""
                INSERT INTO reconciliation_rows (id, run_id, line, local_key, kind, order_id, amount, currency, detail,
                    resolution)
                VALUES (?, ?, 1, ?, 'AMOUNT_MISMATCH', ?, 100, 'CNY', 'the file says 1.00', 'NEEDS_REVIEW')""")
                .params(discrepancy, "rec_" + id, id, id).update();
        var dismissed = admin.post("/api/v1/discrepancies/" + discrepancy + "/resolve",
                Map.of("action", "IGNORE", "reason", "the shop agreed the amount by phone"));
        assertThat(dismissed.status()).as(dismissed.toString()).isEqualTo(200);

        JsonNode doc = admin.get("/api/v1/orders/" + id + "/evidence").json();
        assertThat(doc.path("order").path("id").asString()).isEqualTo(id);
        assertThat(doc.path("order").path("customer").path("email").asString()).isEqualTo("li.wei@example.com");
        assertThat(doc.path("history").size()).isGreaterThanOrEqualTo(2);
        assertThat(doc.path("history").valueStream().map(h -> h.path("reason").asString()))
                .contains("customer changed their mind");
        assertThat(doc.path("deliveries").size()).isGreaterThanOrEqualTo(1);
        assertThat(doc.path("deliveries").get(0).path("id").asString()).isEqualTo(delivery);
        assertThat(doc.path("customerEmails").get(0).path("status").asString()).isEqualTo("SENT");
        assertThat(doc.path("customerEmails").get(0).path("recipient").asString()).isEqualTo("li.wei@example.com");
        assertThat(doc.path("hops").valueStream().map(h -> h.path("name").asString() + " " + h.path("state").asString()))
                .contains("ACCEPTED RETURNED");
        assertThat(doc.path("discrepancies").get(0).path("id").asString()).isEqualTo(discrepancy);
        assertThat(doc.path("discrepancies").get(0).path("resolution").asString()).isEqualTo("DISMISSED");
        JsonNode audit = doc.path("audit");
        assertThat(audit.path("valid").asBoolean()).isTrue();
        List<String> actions = audit.path("entries").valueStream().map(e -> e.path("action").asString()).toList();
        assertThat(actions).contains("order.created", "webhook_delivery.replayed", "discrepancy.resolved");
        assertThat(EvidenceChain.holds(audit)).as("checked from the document alone").isTrue();
        assertThat(audit.path("predecessors").size()).as("other orders' entries sit between this order's")
                .isPositive();

        // The order's merchant sees its own order's evidence; merchants may read contact data (API.md), so unmasked.
        var own = Api.at(port).as(key(Api.at(port), "merchant", merchant)).get("/api/v1/orders/" + id + "/evidence");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().path("order").path("customer").path("email").asString()).isEqualTo("li.wei@example.com");
        // Another merchant does not learn the order exists.
        String other = newMerchant(Api.at(port));
        assertThat(Api.at(port).as(key(Api.at(port), "merchant", other)).get("/api/v1/orders/" + id + "/evidence")
                .status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/orders/ord_nothing/evidence").code()).isEqualTo("not_found");

        var run = cli(List.of("--orderkeep.db.url=" + properties.jdbcUrl(), "--orderkeep.db.user="
                + (properties.db().user() == null ? "" : properties.db().user())), "evidence", id, "--mask-contact");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode printed = Api.JSON.readTree(run.out());
        assertThat(printed.path("audit").path("entries").size()).isEqualTo(audit.path("entries").size());
        assertThat(run.out()).doesNotContain("li.wei@example.com");
        assertThat(printed.path("customerEmails").get(0).path("recipient").asString()).isEqualTo("l***@example.com");
    }

    @Test
    void aForgedExportFailsIndependentVerification() {
        Api admin = Api.at(port).asAdmin();
        String merchant = newMerchant(Api.at(port));
        created(admin, order(merchant));
        String id = created(admin, order(merchant));
        admin.post("/api/v1/orders/" + id + "/cancel", Map.of("reason", "customer changed their mind"));
        JsonNode audit = admin.get("/api/v1/orders/" + id + "/evidence").json().path("audit");
        assertThat(EvidenceChain.holds(audit)).isTrue();

        // Someone edits an entry's detail in the exported file, keeping every verdict the server wrote.
        var forged = (ObjectNode) audit.deepCopy();
        var entry = (ObjectNode) forged.path("entries").get(forged.path("entries").size() - 1);
        entry.put("detail", entry.path("detail").asString().replace("customer changed their mind", "shop cancelled"));
        assertThat(EvidenceChain.holds(forged)).isFalse();

        // ... or recomputes that entry's hash after editing it: the next entry's link breaks.
        var rehashed = (ObjectNode) audit.deepCopy();
        var entries = rehashed.path("entries").valueStream().toList();
        var linkedPair = java.util.stream.IntStream.range(0, entries.size() - 1)
                .filter(i -> entries.get(i + 1).path("seq").asLong() == entries.get(i).path("seq").asLong() + 1)
                .findFirst();
        assertThat(linkedPair).as("creating the order writes consecutive entries").isPresent();
        var first = (ObjectNode) entries.get(linkedPair.getAsInt());
        first.put("detail", first.path("detail").asString().replace("}", ",\"x\":1}"));
        first.put("hash", EvidenceChain.recompute(first));
        assertThat(EvidenceChain.holds(rehashed)).isFalse();

        // ... or edits the predecessor that proves the first entry's link.
        var predecessor = (ObjectNode) audit.deepCopy();
        var before = (ObjectNode) predecessor.path("predecessors").get(0);
        before.put("actor", "someone-else");
        assertThat(EvidenceChain.holds(predecessor)).isFalse();
    }

    @Test
    void aTamperedEntryShowsInTheProof() {
        Api admin = Api.at(port).asAdmin();
        String id = created(admin, order(newMerchant(Api.at(port))));
        long seq = jdbc.sql("SELECT seq FROM audit_entries WHERE target_id = ? AND action = 'order.created'")
                .param(id).query(Long.class).single();
        String detail = jdbc.sql("SELECT detail FROM audit_entries WHERE seq = ?").param(seq).query(String.class).single();
        jdbc.sql("UPDATE audit_entries SET detail = ? WHERE seq = ?").params(detail.replace("}", ",\"x\":1}"), seq).update();
        try {
            JsonNode audit = admin.get("/api/v1/orders/" + id + "/evidence").json().path("audit");
            assertThat(audit.path("valid").asBoolean()).isFalse();
            assertThat(audit.path("entries").get(0).path("hashValid").asBoolean()).isFalse();
        } finally {
            jdbc.sql("UPDATE audit_entries SET detail = ? WHERE seq = ?").params(detail, seq).update();
        }
    }
}
