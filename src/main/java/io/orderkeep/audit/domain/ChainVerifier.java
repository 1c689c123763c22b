package io.orderkeep.audit.domain;

/**
 * Checks a trail fed to it one entry at a time, in stored seq order, so that a trail of any length verifies in
 * constant memory. The first bad seq is the lowest position at which the stored trail differs from an intact one:
 * <ul>
 *   <li>an entry whose hash does not match its content (changed, or moved to another seq: seq is hashed) is bad;</li>
 *   <li>a missing seq (a removed entry) is bad at the missing seq;</li>
 *   <li>an entry whose {@code prevHash} is not its predecessor's hash is bad;</li>
 *   <li>a head that is not the last entry is bad at the first seq the head and the entries disagree on.</li>
 * </ul>
 * Once a bad seq is found the rest is still counted but no longer judged: every later link depends on it.
 */
public final class ChainVerifier {

    private long expectedSeq = 1;
    private String previousHash = Chain.GENESIS;
    private long entries;
    private Long firstBadSeq;

    /** Judges the next stored entry; entries must come in ascending seq order. */
    public void accept(AuditEntry entry) {
        if (entry.seq() < expectedSeq) {
            throw new IllegalArgumentException("entries must come in ascending seq order: got " + entry.seq()
                    + " after " + (expectedSeq - 1));
        }
        entries++;
        if (firstBadSeq == null) {
            if (entry.seq() != expectedSeq) {
                firstBadSeq = expectedSeq;
            } else if (!entry.prevHash().equals(previousHash) || !Chain.hash(entry).equals(entry.hash())) {
                firstBadSeq = entry.seq();
            }
        }
        expectedSeq = entry.seq() + 1;
        previousHash = entry.hash();
    }

    /**
     * The verdict, given the head (the seq and hash the trail's head row says the last entry has).
     *
     * @param headSeq the head's seq (0 for an empty trail)
     * @param headHash the head's hash ({@link Chain#GENESIS} for an empty trail)
     */
    public Verification finish(long headSeq, String headHash) {
        long lastSeq = expectedSeq - 1;
        Long bad = firstBadSeq;
        if (bad == null) {
            if (headSeq > lastSeq) {
                bad = lastSeq + 1;
            } else if (headSeq < lastSeq) {
                bad = headSeq + 1;
            } else if (!headHash.equals(previousHash)) {
                bad = Math.max(lastSeq, 1);
            }
        }
        return new Verification(bad == null, entries, bad);
    }

    /**
     * The outcome of a verification.
     *
     * @param ok whether the whole trail is intact
     * @param entries how many stored entries were read
     * @param firstBadSeq the first seq that is changed, missing or out of place; null when ok
     */
    public record Verification(boolean ok, long entries, Long firstBadSeq) {}
}
