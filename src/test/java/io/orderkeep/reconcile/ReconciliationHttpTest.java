package io.orderkeep.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderkeep.order.Change;
import io.orderkeep.order.OrderLifecycle;
import io.orderkeep.order.OrderTestConfig;
import io.orderkeep.order.domain.EventType;
import io.orderkeep.order.domain.OrderCommand;
import io.orderkeep.platform.Dialect;
import io.orderkeep.platform.OrderkeepProperties;
import io.orderkeep.support.Api;
import io.orderkeep.support.DatabaseTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

@DatabaseTest
@Import(OrderTestConfig.class)
// Spring Mail configured, so that customer e-mails are queued; the dispatcher is off, so nothing is sent (nothing
// listens on port 9) and no background pass changes the outbox while a dry run is compared before and after.
@TestPropertySource(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=9",
        "orderkeep.delivery.dispatcher-enabled=false"})
class ReconciliationHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrderLifecycle lifecycle;
    @Autowired
    OrderTestConfig.CapturedEvents events;
    @Autowired
    Dialect dialect;
    @Autowired
    OrderkeepProperties properties;

    Api admin;

    @BeforeEach
    void setUp() {
        admin = Api.at(port).asAdmin();
    }

    /** One of every kind: see the expected counts in {@link #assertPlantedCounts}. */
    record Planted(ReconcileWorld world, String repairable, String cancelled) {}

    Planted plantEveryKind(LocalDate day) {
        var world = new ReconcileWorld(admin, jdbc, day);
        world.order(world.id("pay_a"), "SUCCEEDED", world.id("ref_a"), world.at(1));
        String repairable = world.order(world.id("pay_b"), "PENDING", null, world.at(2));
        String cancelled = world.order(world.id("pay_c"), "CANCELLED", null, world.at(3));
        lifecycle.apply(cancelled, new OrderCommand.Cancel(), Change.of("system", "api", "customer gave up"));
        world.order(world.id("pay_d"), "SUCCEEDED", world.id("ref_d"), world.at(4));
        world.order(world.id("pay_e"), "SUCCEEDED", world.id("ref_e"), world.at(5));
        world.payment(world.id("ref_a"), world.id("ref_a"), world.id("pay_a"), 2500, world.at(1));
        world.payment(world.id("ref_b"), world.id("ref_b"), world.id("pay_b"), 2500, world.at(2));
        world.payment(world.id("ref_c"), world.id("ref_c"), world.id("pay_c"), 2500, world.at(3));
        world.payment(world.id("ref_d"), world.id("ref_d"), world.id("pay_d"), 2400, world.at(4));
        world.payment(world.id("ref_a"), world.id("ref_a"), world.id("pay_a"), 2500, world.at(1));
        world.line(world.id("ref_x") + "," + world.id("ref_x") + ",pay_x,PAYMENT,SUCCESS,abc,CNY,0,"
                + world.at(6));
        world.payment(world.id("ref_u"), world.id("ref_u"), world.id("pay_unknown"), 990, world.at(7));
        return new Planted(world, repairable, cancelled);
    }

    static void assertPlantedCounts(JsonNode run) {
        JsonNode counts = run.path("counts");
        assertThat(counts.path("MATCHED").asLong()).isEqualTo(1);
        assertThat(counts.path("MISSING_LOCAL").asLong()).isEqualTo(3);
        assertThat(counts.path("MISSING_AT_PROVIDER").asLong()).isEqualTo(1);
        assertThat(counts.path("AMOUNT_MISMATCH").asLong()).isEqualTo(1);
        assertThat(counts.path("STATUS_MISMATCH").asLong()).isEqualTo(0);
        assertThat(counts.path("DUPLICATE_PAYMENT").asLong()).isEqualTo(1);
        assertThat(counts.path("INVALID_ROW").asLong()).isEqualTo(1);
        assertThat(run.path("progress").path("rowsRead").asLong()).isEqualTo(7);
        assertThat(run.path("progress").path("rowsTotal").asLong()).isEqualTo(7);
        assertThat(run.path("repaired").asLong()).isEqualTo(1);
        assertThat(run.path("needsReview").asLong()).isEqualTo(6);
    }

    JsonNode completed(String runId) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> admin.get("/api/v1/reconciliations/" + runId).json(),
                run -> !"RUNNING".equals(run.path("status").asString()));
    }

    @Test
    void anUploadedFileEndsWithExactlyThePlantedDiscrepancies() {
        var planted = plantEveryKind(LocalDate.of(2021, 3, 1));
        var started = planted.world().upload(admin, false);
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.json().path("id").asString()).startsWith("rec_");
        JsonNode run = completed(started.json().path("id").asString());
        assertThat(run.path("status").asString()).isEqualTo("COMPLETED");
        assertPlantedCounts(run);

        var again = planted.world().upload(admin, false);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().path("id").asString()).isEqualTo(run.path("id").asString());

        var missing = admin.get("/api/v1/reconciliations/" + run.path("id").asString()
                + "/discrepancies?kind=MISSING_AT_PROVIDER").json().path("data");
        assertThat(missing).hasSize(1);
        assertThat(missing.get(0).path("attemptId").asString()).isEqualTo(planted.world().id("pay_e"));
        var review = admin.get("/api/v1/reconciliations/" + run.path("id").asString()
                + "/discrepancies?resolution=NEEDS_REVIEW&limit=4").json();
        assertThat(review.path("data")).hasSize(4);
        assertThat(review.path("nextCursor").isNull()).isFalse();
    }

    @Test
    void aRepairGoesThroughTheStateMachineLikeAnyPaidOrder() {
        var planted = plantEveryKind(LocalDate.of(2021, 3, 2));
        JsonNode run = completed(planted.world().upload(admin, false).json().path("id").asString());
        assertPlantedCounts(run);

        String orderId = planted.repairable();
        var order = admin.get("/api/v1/orders/" + orderId).json();
        assertThat(order.path("status").asString()).isEqualTo("PAID");
        // The provider's result is known now: the payment hop comes back with the settlement hop.
        assertThat(order.path("hops").toString()).contains("{\"hop\":\"payment\",\"state\":\"RETURNED\"")
                .contains("{\"hop\":\"settlement\",\"state\":\"RETURNED\"");
        var history = admin.get("/api/v1/orders/" + orderId + "/history").json().path("data");
        JsonNode paid = null;
        for (JsonNode entry : history) {
            if ("PAID".equals(entry.path("toStatus").asString())) {
                paid = entry;
            }
        }
        assertThat(paid).isNotNull();
        assertThat(paid.toString()).contains("reconciliation").contains("repaired by reconciliation");
        assertThat(history.toString()).contains("order.repaired");
        var audit = admin.get("/api/v1/audit?targetId=" + orderId).json().path("data");
        assertThat(audit.toString()).contains("order.paid").contains("order.repaired").contains("reconciliation");
        assertThat(events.of(orderId)).extracting(c -> c.event().type()).contains(EventType.PAID, EventType.REPAIRED);
        // The merchant hears both (outbox, so webhook and feed), and the customer is written to about both.
        assertThat(jdbc.sql("SELECT type FROM delivery_events WHERE order_id = ? ORDER BY order_seq").param(orderId)
                .query(String.class).list()).containsSubsequence("order.paid", "order.repaired");
        assertThat(jdbc.sql("SELECT type FROM customer_emails WHERE order_id = ?").param(orderId)
                .query(String.class).list()).contains("order.paid", "order.repaired");
        // The attempt itself, through the payments module as a notification would: SUCCEEDED, audited.
        String attempt = planted.world().id("pay_b");
        assertThat(jdbc.sql("SELECT status FROM payment_attempts WHERE id = ?").param(attempt).query(String.class)
                .single()).isEqualTo("SUCCEEDED");
        var attemptAudit = admin.get("/api/v1/audit?targetId=" + attempt).json().path("data");
        assertThat(attemptAudit.toString()).contains("payment.succeeded").contains("reconciliation");

        var cancelled = admin.get("/api/v1/orders/" + planted.cancelled()).json();
        assertThat(cancelled.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.path("needsAttention").asBoolean()).isTrue();
        var suggestion = admin.get("/api/v1/reconciliations/" + run.path("id").asString()
                + "/discrepancies?kind=MISSING_LOCAL&resolution=NEEDS_REVIEW").json().path("data");
        assertThat(suggestion.toString()).contains("refund 2500 CNY");
    }

    @Test
    void aDryRunWritesNothingAndSaysWhatItWouldDo() throws IOException {
        var planted = plantEveryKind(LocalDate.of(2021, 3, 3));
        Map<String, List<String>> before = tableContents();
        List<String> filesBefore = dataDirFiles();
        var started = planted.world().upload(admin, true);
        assertThat(started.status()).isEqualTo(202);
        JsonNode run = completed(started.json().path("id").asString());
        assertThat(run.path("dryRun").asBoolean()).isTrue();
        assertPlantedCounts(run);
        assertThat(tableContents()).isEqualTo(before);
        assertThat(dataDirFiles()).isEqualTo(filesBefore);
        assertThat(admin.get("/api/v1/orders/" + planted.repairable()).json().path("status").asString())
                .isEqualTo("PENDING_PAYMENT");
        var report = admin.get("/api/v1/reconciliations/" + run.path("id").asString() + "/report.json").json();
        assertThat(report.path("discrepancies")).hasSize(7);
    }

    @Test
    void resolvingADiscrepancyIsAuditedAndHappensOnce() {
        var planted = plantEveryKind(LocalDate.of(2021, 3, 4));
        String runId = completed(planted.world().upload(admin, false).json().path("id").asString())
                .path("id").asString();
        String amount = admin.get("/api/v1/reconciliations/" + runId + "/discrepancies?kind=AMOUNT_MISMATCH")
                .json().path("data").get(0).path("id").asString();
        var noReason = admin.post("/api/v1/discrepancies/" + amount + "/resolve", Map.of("action", "IGNORE"));
        assertThat(noReason.status()).isEqualTo(400);
        var resolved = admin.post("/api/v1/discrepancies/" + amount + "/resolve",
                Map.of("action", "IGNORE", "reason", "provider fee adjustment, agreed by phone"));
        assertThat(resolved.status()).isEqualTo(200);
        assertThat(resolved.json().path("resolution").asString()).isEqualTo("DISMISSED");
        var twice = admin.post("/api/v1/discrepancies/" + amount + "/resolve",
                Map.of("action", "IGNORE", "reason", "again"));
        assertThat(twice.status()).isEqualTo(409);
        var audit = admin.get("/api/v1/audit?targetId=" + amount).json().path("data");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).path("action").asString()).isEqualTo("discrepancy.resolved");
        assertThat(audit.get(0).toString()).contains("provider fee adjustment");
        assertThat(admin.get("/api/v1/reconciliations/" + runId).json().path("needsReview").asLong()).isEqualTo(5);

        String merchantKey = io.orderkeep.order.OrderFixtures.key(admin, "merchant", planted.world().merchant);
        assertThat(Api.at(port).as(merchantKey).get("/api/v1/reconciliations/" + runId).status()).isEqualTo(403);
        String auditorKey = io.orderkeep.order.OrderFixtures.key(admin, "auditor", null);
        var auditor = Api.at(port).as(auditorKey);
        assertThat(auditor.get("/api/v1/reconciliations/" + runId).status()).isEqualTo(200);
        assertThat(planted.world().upload(auditor, false).status()).isEqualTo(403);
    }

    @Test
    void aFetchNeedsAKnownProviderAndADate() {
        var unknown = admin.post("/api/v1/reconciliations", Map.of("provider", "nosuch", "date", "2026-11-21"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("provider");
        var noDate = admin.post("/api/v1/reconciliations", Map.of("provider", "sandbox"));
        assertThat(noDate.status()).isEqualTo(400);
        assertThat(noDate.body()).contains("date");
        assertThat(admin.get("/api/v1/reconciliations/rec_nosuch").status()).isEqualTo(404);
    }

    @Test
    void aFileThatIsNotASettlementFileIsRefusedWhole() {
        var world = new ReconcileWorld(admin, jdbc, LocalDate.of(2021, 3, 6));
        world.lines.set(0, "when,what,how much");
        world.line("yesterday,tea,12");
        var refused = world.upload(admin, false);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("file").contains("sandbox settlement file");
    }

    @Test
    void reportsComeAsCsvAndSelfContainedHtml() {
        var planted = plantEveryKind(LocalDate.of(2021, 3, 5));
        String runId = completed(planted.world().upload(admin, false).json().path("id").asString())
                .path("id").asString();
        var csv = admin.get("/api/v1/reconciliations/" + runId + "/report.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body().lines().count()).isEqualTo(1 + 7);
        assertThat(csv.body()).startsWith("id,line,kind");
        var html = admin.get("/api/v1/reconciliations/" + runId + "/report.html");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.body()).contains("<svg").contains("MISSING_AT_PROVIDER").doesNotContain("src=\"http")
                .doesNotContain("href=\"http");
    }

    /** Every row of every table, as text, sorted: a change to any value shows. */
    Map<String, List<String>> tableContents() {
        var contents = new java.util.TreeMap<String, List<String>>();
        for (String table : tableNames()) {
            contents.put(table, jdbc.sql("SELECT * FROM " + table).query().listOfRows().stream()
                    .map(row -> new java.util.TreeMap<>(row).toString()).sorted().toList());
        }
        return contents;
    }

    /** The data directory's files but the database's own (SQLite's journal files come and go). */
    List<String> dataDirFiles() throws IOException {
        Path dir = properties.dataDir();
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString())
                    .filter(name -> !name.startsWith("orderkeep.db")).sorted().toList();
        }
    }

    private List<String> tableNames() {
        return dialect == Dialect.SQLITE
                ? jdbc.sql("SELECT name FROM sqlite_master WHERE type = 'table'").query(String.class).list()
                : jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                        + "AND table_type = 'BASE TABLE'").query(String.class).list();
    }
}
