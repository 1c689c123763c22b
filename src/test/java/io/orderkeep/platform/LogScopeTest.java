package io.orderkeep.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class LogScopeTest {

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void backgroundWorkNamesItsOrderAndLeavesNothingBehind() {
        try (var scope = LogScope.order("ord_1")) {
            assertThat(MDC.get("orderId")).isEqualTo("ord_1");
        }
        assertThat(MDC.get("orderId")).isNull();
    }

    @Test
    void workInsideARequestPutsBackTheRequestsOrder() {
        MDC.put("orderId", "ord_request");
        try (var scope = LogScope.order("ord_other")) {
            assertThat(MDC.get("orderId")).isEqualTo("ord_other");
        }
        assertThat(MDC.get("orderId")).isEqualTo("ord_request");
    }
}
