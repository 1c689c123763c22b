package io.orderkeep.audit;

import java.util.Map;

/**
 * Appends to the hash-chained audit trail. An entry is written in the caller's transaction, so it exists exactly
 * when what it records exists; calling this outside a transaction is a bug and fails.
 */
public interface AuditTrail {

    /**
     * Records that {@code actor} did {@code action} to a target.
     *
     * @param actor who: {@code key:key_…}, {@code user:alice}, {@code provider:sandbox}, {@code customer}, {@code system}
     * @param action what, as a dotted verb: {@code order.created}, {@code key.revoked}
     * @param targetType the kind of thing acted on: {@code order}, {@code key}, {@code merchant}
     * @param targetId its id
     * @param detail what else a reader needs (values are written as canonical JSON)
     * @return the entry's sequence number
     */
    long record(String actor, String action, String targetType, String targetId, Map<String, ?> detail);
}
