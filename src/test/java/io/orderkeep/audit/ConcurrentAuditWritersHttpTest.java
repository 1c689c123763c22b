package io.orderkeep.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.support.Api;
import io.orderkeep.support.DatabaseTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Many requests appending to the trail at once still leave one linear, verifiable chain (the head lock). */
@DatabaseTest
class ConcurrentAuditWritersHttpTest {

    static final int THREADS = 16;
    static final int PER_THREAD = 20;

    @LocalServerPort
    int port;

    @Test
    void concurrentCreationsAllAppearInOneVerifiableChain() throws Exception {
        var admin = Api.at(port).asAdmin();
        var targets = new ConcurrentLinkedQueue<String>();
        var start = new CountDownLatch(1);
        List<Future<?>> workers = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(THREADS)) {
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                workers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < PER_THREAD; i++) {
                        String merchant = "m_conc_" + thread + "_" + i;
                        var created = i % 2 == 0
                                ? admin.post("/api/v1/merchants", Map.of("id", merchant, "name", "Concurrent"))
                                : admin.post("/api/v1/keys", Map.of("role", "auditor", "name", merchant));
                        assertThat(created.status()).as(created.toString()).isEqualTo(201);
                        targets.add(i % 2 == 0 ? merchant : created.json().path("id").asString());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var worker : workers) {
                worker.get();
            }
        }

        var seqs = new ArrayList<Long>();
        var seenTargets = new java.util.HashSet<String>();
        String cursor = "";
        do {
            var page = admin.get("/api/v1/audit?limit=200&cursor=" + cursor).json();
            page.path("data").forEach(e -> {
                seqs.add(e.path("seq").asLong());
                seenTargets.add(e.path("targetId").asString());
            });
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
        } while (cursor != null);

        assertThat(targets).hasSize(THREADS * PER_THREAD);
        assertThat(seenTargets).containsAll(targets);
        for (int i = 0; i < seqs.size(); i++) {
            assertThat(seqs.get(i)).as("seq at position " + i).isEqualTo(i + 1L);
        }
        var verification = admin.get("/api/v1/audit/verify").json();
        assertThat(verification.path("ok").asBoolean()).as(verification.toString()).isTrue();
        // At least: anything else running in the application may have appended since the listing.
        assertThat(verification.path("entries").asLong()).isGreaterThanOrEqualTo(seqs.size());
    }
}
