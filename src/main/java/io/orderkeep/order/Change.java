package io.orderkeep.order;

import java.util.Map;

/**
 * Who makes a change, through what, and why: written to the order's history and the audit trail.
 *
 * @param actor {@code key:key_…}, {@code user:alice}, {@code provider:sandbox}, {@code system}
 * @param source how it came: {@code api}, {@code notification}, {@code query}, {@code watch}, {@code reconciliation}, {@code console}
 * @param reason free text for people, may be null
 * @param detail what else the history and audit should keep (raw values, ids), may be empty
 */
public record Change(String actor, String source, String reason, Map<String, Object> detail) {

    public Change {
        detail = detail == null ? Map.of() : Map.copyOf(detail);
    }

    public static Change of(String actor, String source, String reason) {
        return new Change(actor, source, reason, Map.of());
    }
}
