package io.orderkeep.reconcile.internal;

import io.orderkeep.reconcile.domain.MatchKind;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * What a run does with each kind of discrepancy, from {@code orderkeep.reconcile.policy.<KIND>=AUTO|REVIEW|IGNORE}.
 * Only {@code MISSING_LOCAL} can be repaired automatically (the order marked paid); AUTO on any other kind means
 * REVIEW. Defaults: MISSING_LOCAL AUTO, every other discrepancy REVIEW.
 */
@Component
public class RepairPolicy {

    public enum Mode { AUTO, REVIEW, IGNORE }

    private final Map<MatchKind, Mode> modes = new EnumMap<>(MatchKind.class);

    RepairPolicy(Environment environment) {
        for (MatchKind kind : MatchKind.values()) {
            String fallback = kind == MatchKind.MISSING_LOCAL ? "AUTO" : "REVIEW";
            String value = environment.getProperty("orderkeep.reconcile.policy." + kind.name(), fallback);
            modes.put(kind, Mode.valueOf(value.trim().toUpperCase(Locale.ROOT)));
        }
    }

    public Mode modeOf(MatchKind kind) {
        return modes.get(kind);
    }
}
