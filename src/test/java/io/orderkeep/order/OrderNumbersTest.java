package io.orderkeep.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.support.Api;
import io.orderkeep.support.DatabaseTest;
import io.orderkeep.support.MutableClock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** Order numbers are {@code yyyyMMdd-NNNNNN} with the day in the merchant's time zone. */
@DatabaseTest
@Import(OrderTestConfig.class)
class OrderNumbersTest {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Test
    void dayIsTheMerchantsDay() {
        var admin = Api.at(port).asAdmin();
        String shanghai = merchant(admin, "Asia/Shanghai");
        String utc = merchant(admin, "UTC");
        // 17:00 UTC is already 01:00 the next day in Shanghai. The clock only moves forward, for the other tests.
        var day = clock.instant().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(2));
        clock.set(day.plus(Duration.ofHours(17)));
        String utcDay = day.toString().substring(0, 10).replace("-", "");
        String nextDay = day.plus(Duration.ofDays(1)).toString().substring(0, 10).replace("-", "");

        String inShanghai = OrderFixtures.create(admin, OrderFixtures.order(shanghai)).json().path("number").asString();
        String inUtc = OrderFixtures.create(admin, OrderFixtures.order(utc)).json().path("number").asString();
        assertThat(inShanghai).startsWith(nextDay + "-").hasSize(15);
        assertThat(inUtc).startsWith(utcDay + "-").hasSize(15);
    }

    private static String merchant(Api admin, String zone) {
        String id = "m_" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin.post("/api/v1/merchants", Map.of("id", id, "name", id, "timeZone", zone)).status()).isEqualTo(201);
        return id;
    }
}
