package io.orderkeep.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.audit.domain.AuditEntry;
import io.orderkeep.audit.domain.Chain;
import io.orderkeep.audit.domain.ChainVerifier;
import io.orderkeep.audit.domain.ChainVerifier.Verification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

    static List<AuditEntry> chain(int length) {
        var entries = new ArrayList<AuditEntry>();
        String prev = Chain.GENESIS;
        for (int seq = 1; seq <= length; seq++) {
            var entry = new AuditEntry(seq, Instant.ofEpochMilli(1_700_000_000_000L + seq), "key:key_admin",
                    "merchant.created", "merchant", "m_" + seq, "{\"n\":" + seq + "}", prev, null);
            entry = withHash(entry, Chain.hash(entry));
            entries.add(entry);
            prev = entry.hash();
        }
        return entries;
    }

    static AuditEntry withHash(AuditEntry e, String hash) {
        return new AuditEntry(e.seq(), e.at(), e.actor(), e.action(), e.targetType(), e.targetId(), e.detail(),
                e.prevHash(), hash);
    }

    static Verification verify(List<AuditEntry> entries, long headSeq, String headHash) {
        var verifier = new ChainVerifier();
        entries.forEach(verifier::accept);
        return verifier.finish(headSeq, headHash);
    }

    static Verification verify(List<AuditEntry> entries) {
        var last = entries.getLast();
        return verify(entries, last.seq(), last.hash());
    }

    @Test
    void intactChainVerifies() {
        assertThat(verify(chain(5))).isEqualTo(new Verification(true, 5, null));
    }

    @Test
    void emptyTrailVerifiesAgainstGenesisHead() {
        assertThat(verify(List.of(), 0, Chain.GENESIS)).isEqualTo(new Verification(true, 0, null));
    }

    @Test
    void changedDetailIsTheFirstBadEntry() {
        var entries = chain(5);
        var e = entries.get(2);
        entries.set(2, new AuditEntry(e.seq(), e.at(), e.actor(), e.action(), e.targetType(), e.targetId(),
                "{\"n\":99}", e.prevHash(), e.hash()));
        assertThat(verify(entries)).isEqualTo(new Verification(false, 5, 3L));
    }

    @Test
    void rehashedChangeIsCaughtByTheNextLink() {
        var entries = chain(5);
        var e = entries.get(2);
        var changed = new AuditEntry(e.seq(), e.at(), "user:mallory", e.action(), e.targetType(), e.targetId(),
                e.detail(), e.prevHash(), null);
        entries.set(2, withHash(changed, Chain.hash(changed)));
        assertThat(verify(entries).firstBadSeq()).isEqualTo(4L);
    }

    @Test
    void removedEntryIsNamedByItsMissingSeq() {
        var entries = chain(5);
        entries.remove(1);
        assertThat(verify(entries)).isEqualTo(new Verification(false, 4, 2L));
    }

    @Test
    void swappedContentsAreCaughtAtTheFirstOfThem() {
        var entries = chain(5);
        var two = entries.get(1);
        var four = entries.get(3);
        entries.set(1, new AuditEntry(2, four.at(), four.actor(), four.action(), four.targetType(), four.targetId(),
                four.detail(), four.prevHash(), four.hash()));
        entries.set(3, new AuditEntry(4, two.at(), two.actor(), two.action(), two.targetType(), two.targetId(),
                two.detail(), two.prevHash(), two.hash()));
        assertThat(verify(entries).firstBadSeq()).isEqualTo(2L);
    }

    @Test
    void removedLastEntryIsCaughtByTheHead() {
        var entries = chain(5);
        var head = entries.removeLast();
        assertThat(verify(entries, head.seq(), head.hash())).isEqualTo(new Verification(false, 4, 5L));
    }

    @Test
    void headThatDoesNotMatchTheLastEntryIsBad() {
        var entries = chain(5);
        assertThat(verify(entries, 5, Chain.GENESIS).firstBadSeq()).isEqualTo(5L);
        assertThat(verify(entries, 3, entries.get(2).hash()).firstBadSeq()).isEqualTo(4L);
    }
}
