package io.orderkeep.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.cli.OrderkeepCommand;
import io.orderkeep.order.OrderTestConfig;
import io.orderkeep.platform.OrderkeepProperties;
import io.orderkeep.support.Api;
import io.orderkeep.support.DatabaseTest;
import io.orderkeep.support.TestDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

@DatabaseTest
@Import(OrderTestConfig.class)
class ReconcileCliTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrderkeepProperties properties;

    record Run(int exitCode, String out, String err) {}

    Run cli(String... args) {
        var all = new ArrayList<>(List.of(args));
        all.add("--orderkeep.db.url=" + properties.jdbcUrl());
        all.add("--orderkeep.data-dir=" + properties.dataDir());
        if (properties.db().user() != null) {
            all.add("--orderkeep.db.user=" + properties.db().user());
        }
        var out = new StringWriter();
        var err = new StringWriter();
        int code = OrderkeepCommand.run(new PrintWriter(out, true), new PrintWriter(err, true),
                all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void theCommandLineReconcilesAGeneratedFileAndPrintsTheSummary() throws IOException {
        Api admin = Api.at(port).asAdmin();
        var world = new ReconcileWorld(admin, jdbc, LocalDate.of(2021, 5, 1));
        String pending = world.order(world.id("pay_p"), "PENDING", null, world.at(1));
        for (int i = 0; i < 30; i++) {
            world.order(world.id("pay_" + i), "SUCCEEDED", world.id("ref_" + i), world.at(i));
            world.payment(world.id("ref_" + i), world.id("ref_" + i), world.id("pay_" + i), 2500, world.at(i));
        }
        world.payment(world.id("ref_p"), world.id("ref_p"), world.id("pay_p"), 2500, world.at(1));
        world.line("broken,row");
        Path file = Files.createTempDirectory(Path.of(TestDatabase.temporaryDirectory().toString()), "cli")
                .resolve("settlement-2021-05-01.csv");
        Files.writeString(file, world.file());

        var dry = cli("reconcile", file.toString(), "--provider", "sandbox", "--dry-run", "--date", "2021-05-01");
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(dry.out()).contains("dry run: nothing was changed").containsPattern("MATCHED\\s+30")
                .containsPattern("MISSING_LOCAL\\s+1").containsPattern("INVALID_ROW\\s+1")
                .containsPattern("repaired\\s+1");
        assertThat(dry.err()).contains("32/32 rows").contains("rows/s").contains("left");
        assertThat(admin.get("/api/v1/orders/" + pending).json().path("status").asString())
                .isEqualTo("PENDING_PAYMENT");

        var real = cli("reconcile", file.toString(), "--provider", "sandbox", "--date", "2021-05-01");
        assertThat(real.exitCode()).as(real.toString()).isZero();
        assertThat(real.out()).contains("COMPLETED").containsPattern("MATCHED\\s+30")
                .containsPattern("MISSING_AT_PROVIDER\\s+0").containsPattern("needs review\\s+1")
                .containsPattern("repaired\\s+1");
        String runId = real.out().lines().findFirst().orElseThrow().split(" ")[1];
        assertThat(admin.get("/api/v1/reconciliations/" + runId).json().path("counts").path("MATCHED").asLong())
                .isEqualTo(30);
        assertThat(admin.get("/api/v1/orders/" + pending).json().path("status").asString()).isEqualTo("PAID");
    }
}
