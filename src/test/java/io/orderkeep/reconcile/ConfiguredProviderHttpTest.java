package io.orderkeep.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderkeep.order.OrderTestConfig;
import io.orderkeep.support.Api;
import io.orderkeep.support.DatabaseTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A provider Orderkeep has no code for, described by configuration alone: its bill (ISO-8859-1, semicolons, two
 * lines before the header, quoted-looking prefixes, amounts in major units, Berlin local times, its own words, a
 * summary at the end) is uploaded, read and matched against the attempts opened with it, and no other's.
 */
@DatabaseTest
@Import(OrderTestConfig.class)
@TestPropertySource(properties = {
        "orderkeep.reconcile.providers.acme.payments=acme",
        "orderkeep.reconcile.providers.acme.zone=Europe/Berlin",
        "orderkeep.reconcile.providers.acme.mapping.name=acme-pay",
        "orderkeep.reconcile.providers.acme.mapping.columns.transaction-id=Buchung",
        "orderkeep.reconcile.providers.acme.mapping.columns.provider-ref=Referenz",
        "orderkeep.reconcile.providers.acme.mapping.columns.out-trade-no=Bestellnummer",
        "orderkeep.reconcile.providers.acme.mapping.columns.type=Art",
        "orderkeep.reconcile.providers.acme.mapping.columns.status=Status",
        "orderkeep.reconcile.providers.acme.mapping.columns.amount=Betrag",
        "orderkeep.reconcile.providers.acme.mapping.columns.currency=Währung",
        "orderkeep.reconcile.providers.acme.mapping.columns.fee=Gebühr",
        "orderkeep.reconcile.providers.acme.mapping.columns.occurred-at=Zeit",
        "orderkeep.reconcile.providers.acme.mapping.amount-unit=MAJOR",
        "orderkeep.reconcile.providers.acme.mapping.zone=Europe/Berlin",
        "orderkeep.reconcile.providers.acme.mapping.timestamp-pattern=dd.MM.uuuu HH:mm:ss",
        "orderkeep.reconcile.providers.acme.mapping.status-values.succeeded=OK,GEBUCHT",
        "orderkeep.reconcile.providers.acme.mapping.status-values.failed=ABGELEHNT",
        "orderkeep.reconcile.providers.acme.mapping.type-values.payment=Zahlung",
        "orderkeep.reconcile.providers.acme.mapping.type-values.refund=Erstattung",
        "orderkeep.reconcile.providers.acme.mapping.delimiter=;",
        "orderkeep.reconcile.providers.acme.mapping.charset=ISO-8859-1",
        "orderkeep.reconcile.providers.acme.mapping.skip-lines=2",
        "orderkeep.reconcile.providers.acme.mapping.summary-marker=Summe.*",
        "orderkeep.reconcile.providers.acme.mapping.field-prefix='"})
class ConfiguredProviderHttpTest {

    private static final DateTimeFormatter BERLIN =
            DateTimeFormatter.ofPattern("dd.MM.uuuu HH:mm:ss").withZone(ZoneId.of("Europe/Berlin"));

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aBillDescribedOnlyByPropertiesIsReadAndMatchedThroughARun() {
        Api admin = Api.at(port).asAdmin();
        var world = new ReconcileWorld(admin, jdbc, LocalDate.of(2021, 5, 10));
        world.order("acme", world.id("pay_a"), "SUCCEEDED", world.id("ref_a"), world.at(1));
        String repairable = world.order("acme", world.id("pay_b"), "PENDING", null, world.at(2));
        world.order("acme", world.id("pay_d"), "SUCCEEDED", world.id("ref_d"), world.at(4));
        world.order("acme", world.id("pay_e"), "SUCCEEDED", world.id("ref_e"), world.at(5));
        // Settled the same day with another provider: not this bill's business.
        world.order("sandbox", world.id("pay_s"), "SUCCEEDED", world.id("ref_s"), world.at(6));

        List<String> bill = new ArrayList<>(List.of("Händlerabrechnung ACME Pay", "Zeitraum: 10.05.2021",
                "Buchung;Referenz;Bestellnummer;Art;Status;Betrag;Währung;Gebühr;Zeit"));
        bill.add(row(world.id("b1"), world.id("ref_a"), world.id("pay_a"), "Zahlung", "OK", "25.00", world.at(1)));
        bill.add(row(world.id("b2"), world.id("ref_b"), world.id("pay_b"), "Zahlung", "GEBUCHT", "25.00",
                world.at(2)));
        bill.add(row(world.id("b3"), world.id("ref_d"), world.id("pay_d"), "Zahlung", "OK", "24.00", world.at(4)));
        bill.add(row(world.id("b4"), world.id("ref_x"), world.id("pay_x"), "Zahlung", "VIELLEICHT", "1.00",
                world.at(7)));
        bill.add("Summe;4;99.00");
        bill.add("'1;'2;'3");
        byte[] file = (String.join("\r\n", bill) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);

        var started = world.upload(admin, "acme", file, false);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String runId = started.json().path("id").asString();
        JsonNode run = await().atMost(Duration.ofSeconds(30)).until(
                () -> admin.get("/api/v1/reconciliations/" + runId).json(),
                r -> !"RUNNING".equals(r.path("status").asString()));

        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("COMPLETED");
        assertThat(run.path("progress").path("rowsTotal").asLong()).isEqualTo(4);
        JsonNode counts = run.path("counts");
        assertThat(counts.path("MATCHED").asLong()).isEqualTo(1);
        assertThat(counts.path("MISSING_LOCAL").asLong()).isEqualTo(1);
        assertThat(counts.path("AMOUNT_MISMATCH").asLong()).isEqualTo(1);
        assertThat(counts.path("INVALID_ROW").asLong()).isEqualTo(1);
        assertThat(counts.path("MISSING_AT_PROVIDER").asLong()).isEqualTo(1);
        assertThat(run.path("repaired").asLong()).isEqualTo(1);
        var missing = admin.get("/api/v1/reconciliations/" + runId + "/discrepancies?kind=MISSING_AT_PROVIDER").json();
        assertThat(missing.path("data").get(0).path("attemptId").asString()).isEqualTo(world.id("pay_e"));
        var invalid = admin.get("/api/v1/reconciliations/" + runId + "/discrepancies?kind=INVALID_ROW").json();
        assertThat(invalid.path("data").get(0).path("line").asLong()).isEqualTo(7);
        assertThat(invalid.path("data").get(0).path("detail").asString()).contains("VIELLEICHT");
        assertThat(admin.get("/api/v1/orders/" + repairable).json().path("status").asString()).isEqualTo("PAID");
    }

    private static String row(String booking, String ref, String order, String type, String status, String amount,
            Instant at) {
        return String.join(";", "'" + booking, "'" + ref, "'" + order, "'" + type, "'" + status, "'" + amount,
                "'CNY", "'0.00", "'" + BERLIN.format(at));
    }
}
