package io.orderkeep.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.support.Api;
import io.orderkeep.support.DatabaseTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@DatabaseTest
class AuditHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api admin;

    @BeforeEach
    void setUp() {
        admin = Api.at(port).asAdmin();
    }

    /** Creates merchants through the API and returns the seqs of their audit entries, oldest first. */
    List<Long> createMerchants(int count) {
        var seqs = new ArrayList<Long>();
        for (int i = 0; i < count; i++) {
            String id = "m_" + UUID.randomUUID().toString().substring(0, 8);
            assertThat(admin.post("/api/v1/merchants", Map.of("id", id, "name", "Tea " + i)).status()).isEqualTo(201);
            var entries = admin.get("/api/v1/audit?targetId=" + id).json().path("data");
            assertThat(entries).hasSize(1);
            seqs.add(entries.get(0).path("seq").asLong());
        }
        return seqs;
    }

    JsonNode verify() {
        var response = admin.get("/api/v1/audit/verify");
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    @Test
    void listsEntriesWithDetailAsObjectAndTheChainLinks() {
        var seqs = createMerchants(2);
        var first = entry(seqs.get(0));
        var second = entry(seqs.get(1));
        assertThat(first.path("actor").asString()).isEqualTo("key:key_admin");
        assertThat(first.path("action").asString()).isEqualTo("merchant.created");
        assertThat(first.path("targetType").asString()).isEqualTo("merchant");
        assertThat(first.path("detail").isObject()).isTrue();
        assertThat(first.path("detail").path("name").asString()).isEqualTo("Tea 0");
        assertThat(first.path("at").asString()).endsWith("Z");
        assertThat(first.path("hash").asString()).hasSize(64);
        assertThat(second.path("seq").asLong()).isEqualTo(first.path("seq").asLong() + 1);
        assertThat(second.path("prevHash").asString()).isEqualTo(first.path("hash").asString());

        var byActor = admin.get("/api/v1/audit?actor=key:key_admin&limit=200").json().path("data");
        assertThat(byActor).isNotEmpty().allSatisfy(e -> assertThat(e.path("actor").asString()).isEqualTo("key:key_admin"));
        assertThat(admin.get("/api/v1/audit?actor=nobody").json().path("data")).isEmpty();
    }

    /** The entry at {@code seq}, found through the API's own cursor. */
    JsonNode entry(long seq) {
        String cursor = io.orderkeep.platform.Cursors.encode(Long.toString(seq - 1));
        return admin.get("/api/v1/audit?limit=1&cursor=" + cursor).json().path("data").get(0);
    }

    @Test
    void pagesWithACursorAndFiltersByTime() {
        createMerchants(3);
        var seen = new ArrayList<Long>();
        String cursor = "";
        do {
            var body = admin.get("/api/v1/audit?limit=2&cursor=" + cursor).json();
            assertThat(body.path("data").size()).isLessThanOrEqualTo(2);
            body.path("data").forEach(e -> seen.add(e.path("seq").asLong()));
            cursor = body.path("nextCursor").isNull() ? null : body.path("nextCursor").asString();
        } while (cursor != null);
        assertThat(seen).isSorted().doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(3);
        assertThat(seen.getFirst()).isEqualTo(1L);
        assertThat(seen.getLast()).isEqualTo(seen.getFirst() + seen.size() - 1);
        assertThat(verify().path("entries").asLong()).isGreaterThanOrEqualTo(seen.size());

        assertThat(admin.get("/api/v1/audit?from=2999-01-01T00:00:00Z").json().path("data")).isEmpty();
        assertThat(admin.get("/api/v1/audit?to=2000-01-01T00:00:00Z").json().path("data")).isEmpty();
        assertThat(admin.get("/api/v1/audit?from=yesterday").code()).isEqualTo("validation_failed");
        assertThat(admin.get("/api/v1/audit?limit=0").code()).isEqualTo("validation_failed");
        assertThat(admin.get("/api/v1/audit?cursor=bm90LWEtc2Vx").code()).isEqualTo("validation_failed");
    }

    @Test
    void keyCreationAndRevocationAreAuditedWithTheActingKey() {
        String merchant = "m_" + UUID.randomUUID().toString().substring(0, 8);
        admin.post("/api/v1/merchants", Map.of("id", merchant, "name", "Audited"));
        String keyId = admin.post("/api/v1/keys", Map.of("role", "merchant", "merchantId", merchant))
                .json().path("id").asString();
        admin.delete("/api/v1/keys/" + keyId);
        var entries = admin.get("/api/v1/audit?targetId=" + keyId).json().path("data");
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).path("action").asString()).isEqualTo("key.created");
        assertThat(entries.get(0).path("actor").asString()).isEqualTo("key:key_admin");
        assertThat(entries.get(0).path("detail").path("merchantId").asString()).isEqualTo(merchant);
        assertThat(entries.get(0).toString()).doesNotContain("ok_");
        assertThat(entries.get(1).path("action").asString()).isEqualTo("key.revoked");
        assertThat(entries.get(1).path("actor").asString()).isEqualTo("key:key_admin");
        assertThat(admin.get("/api/v1/audit?targetId=" + merchant).json().path("data").get(0).path("actor")
                .asString()).isEqualTo("key:key_admin");
    }

    @Test
    void untouchedChainVerifies() {
        createMerchants(2);
        var result = verify();
        assertThat(result.path("ok").asBoolean()).isTrue();
        assertThat(result.path("firstBadSeq").isNull()).isTrue();
        assertThat(result.path("entries").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void changedDetailIsNamed() {
        var seqs = createMerchants(3);
        try (var tampering = new Tampering(jdbc, seqs.get(1))) {
            tampering.changeDetail(seqs.get(1), "{\"name\":\"Someone Else\"}");
            assertBrokenAt(seqs.get(1));
            tampering.changeDetail(seqs.get(1), "not json");
            assertBrokenAt(seqs.get(1));
            assertThat(entry(seqs.get(1)).path("detail").asString()).isEqualTo("not json");
        }
        assertThat(verify().path("ok").asBoolean()).isTrue();
    }

    @Test
    void removedEntryIsNamed() {
        var seqs = createMerchants(3);
        try (var tampering = new Tampering(jdbc, seqs.get(1))) {
            tampering.delete(seqs.get(1));
            assertBrokenAt(seqs.get(1));
        }
        assertThat(verify().path("ok").asBoolean()).isTrue();
    }

    @Test
    void swappedEntriesAreNamedAtTheFirst() {
        var seqs = createMerchants(3);
        try (var tampering = new Tampering(jdbc, seqs.get(0), seqs.get(2))) {
            tampering.swap(seqs.get(0), seqs.get(2));
            assertBrokenAt(seqs.get(0));
        }
        assertThat(verify().path("ok").asBoolean()).isTrue();
    }

    @Test
    void removedLastEntryAndAMovedHeadAreNamed() {
        var seqs = createMerchants(2);
        long last = seqs.get(1);
        try (var tampering = new Tampering(jdbc, last)) {
            tampering.delete(last);
            assertBrokenAt(last);
        }
        // The head set back to an earlier entry: the entries after it are no longer accounted for.
        String headHash = jdbc.sql("SELECT hash FROM audit_head WHERE id = 1").query(String.class).single();
        long earlier = seqs.get(0);
        String earlierHash = new Tampering(jdbc).read(earlier).hash();
        try {
            jdbc.sql("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1").params(earlier, earlierHash).update();
            assertBrokenAt(earlier + 1);
        } finally {
            jdbc.sql("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1").params(last, headHash).update();
        }
        assertThat(verify().path("ok").asBoolean()).isTrue();
    }

    void assertBrokenAt(long seq) {
        var result = verify();
        assertThat(result.path("ok").asBoolean()).as(result.toString()).isFalse();
        assertThat(result.path("firstBadSeq").asLong()).as(result.toString()).isEqualTo(seq);
    }
}
