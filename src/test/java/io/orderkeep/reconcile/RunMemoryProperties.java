package io.orderkeep.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.reconcile.domain.RunMemory;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** The compact memory answers as the plain one does (fingerprint collisions aside: vanishingly rare at this size). */
class RunMemoryProperties {

    @Property(tries = 200)
    void compactMemoryAnswersLikeThePlainOne(
            @ForAll @Size(max = 300) List<@AlphaChars @StringLength(max = 6) String> keys) {
        RunMemory plain = RunMemory.inMemory();
        RunMemory compact = RunMemory.compact(1);
        long line = 1;
        for (String key : keys) {
            assertThat(compact.wasListed(key)).isEqualTo(plain.wasListed(key));
            assertThat(compact.firstListing(key, line)).isEqualTo(plain.firstListing(key, line));
            plain.listed(key);
            compact.listed(key);
            line++;
        }
        for (String key : keys) {
            assertThat(compact.wasListed(key)).isTrue();
        }
        assertThat(compact.wasListed("not" + keys.size() + "-a-key-of-the-run")).isFalse();
    }
}
