package io.orderkeep.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.orderkeep.platform.OrderkeepProperties;
import io.orderkeep.support.Api;
import io.orderkeep.support.DatabaseTest;
import io.orderkeep.support.TestDatabase;
import java.sql.DriverManager;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** With the database gone, a create is 503 {@code unavailable} with {@code Retry-After} and writes nothing. */
@DatabaseTest
@DirtiesContext
@TestPropertySource(properties = "orderkeep.test.context=storage-unavailable")
class StorageUnavailableHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    OrderkeepProperties properties;

    @Test
    void createWithoutADatabaseIs503AndWritesNothing() throws Exception {
        var admin = Api.at(port).asAdmin();
        String merchant = OrderFixtures.newMerchant(Api.at(port));
        ((HikariDataSource) dataSource).close();

        var response = admin.header("Idempotency-Key", "no-db").post("/api/v1/orders", OrderFixtures.order(merchant));
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.code()).isEqualTo("unavailable");
        assertThat(response.header("Retry-After")).isEqualTo("5");
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(admin.get("/api/v1/orders").status()).isEqualTo(503);

        String user = TestDatabase.postgres() ? "postgres" : null;
        try (var connection = DriverManager.getConnection(properties.jdbcUrl(), user, null);
             var rows = connection.createStatement().executeQuery(
                     "SELECT (SELECT COUNT(*) FROM orders) + (SELECT COUNT(*) FROM idempotency_keys)")) {
            rows.next();
            assertThat(rows.getLong(1)).isZero();
        }
    }
}
