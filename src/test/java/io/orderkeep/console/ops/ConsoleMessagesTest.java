package io.orderkeep.console.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.console.ConsoleProblems;
import io.orderkeep.order.OrderFigures;
import io.orderkeep.order.domain.HopName;
import io.orderkeep.order.domain.HopState;
import io.orderkeep.order.domain.OrderStatus;
import io.orderkeep.platform.Role;
import io.orderkeep.reconcile.Discrepancies;
import io.orderkeep.reconcile.domain.MatchKind;
import io.orderkeep.support.MessageBundles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every message the console builds from a value ({@code #{'status.' + …}}, {@code #{'rec.resolution.' + …}}, a
 * problem code…) exists in both languages, for every value it can take: a browser test only meets the values its
 * scenario happens to produce (a REFUNDING discrepancy showed as ??key?? that way).
 */
class ConsoleMessagesTest {

    @Test
    void everyKeyBuiltFromAValueExistsInEnglishAndChinese() {
        var keys = new ArrayList<String>();
        for (OrderStatus status : OrderStatus.values()) {
            keys.add("status." + status.name());
        }
        for (HopName hop : HopName.values()) {
            keys.add("hop." + hop.wireName());
        }
        for (HopState state : HopState.values()) {
            keys.add("hopState." + state.name());
        }
        OrderFigures.AGE_BUCKETS.forEach(age -> keys.add("age." + age));
        for (MatchKind kind : MatchKind.values()) {
            keys.add("rec.kind." + kind.name());
        }
        ReconciliationsPage.RESOLUTIONS.forEach(resolution -> keys.add("rec.resolution." + resolution));
        keys.add("rec.resolution.NONE");
        for (Discrepancies.Action action : Discrepancies.Action.values()) {
            keys.add("rec.action." + action.name());
        }
        DeliveriesPage.STATUSES.forEach(status -> keys.add("delivery.status." + status));
        for (Role role : Role.values()) {
            keys.add("access.role." + role.wireName());
        }
        List.of("zh-CN", "en").forEach(locale -> keys.add("merchants.locale." + locale));
        List.of("dashboard", "unreturned", "orders", "deliveries", "endpoints", "reconciliation", "audit",
                "merchants", "keys", "users").forEach(page -> keys.add("nav." + page));
        List.of("recheck", "redeliver", "resolve").forEach(action -> keys.add("action.bulk." + action));
        List.of("recheck", "redeliver", "resolve", "cancel", "refund", "replay")
                .forEach(action -> keys.add("action.done." + action));
        List.of("recheck", "redeliver", "resolve").forEach(action -> keys.add("action.outcome.DONE." + action));
        keys.addAll(List.of("action.outcome.NOTHING.redeliver", "action.nothing.redeliver", "action.refused",
                "action.outcome.refused"));
        ConsoleProblems.CODES.forEach(code -> keys.add("problem." + code));
        ConsoleProblems.FIELDS.forEach(field -> keys.add("problem.field." + field));

        MessageBundles.assertBothLanguagesHave(keys, "console", "console-more");
    }

    @Test
    void everyKindAndResolutionIsOffered() {
        assertThat(ReconciliationsPage.KINDS).containsExactlyInAnyOrder(
                java.util.Arrays.stream(MatchKind.values()).map(Enum::name).toArray(String[]::new));
        assertThat(ReconciliationsPage.RESOLUTIONS).contains("NEEDS_REVIEW", "REFUNDING", "REFUNDED");
    }
}
