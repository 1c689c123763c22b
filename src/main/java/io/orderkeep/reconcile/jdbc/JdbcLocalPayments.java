package io.orderkeep.reconcile.jdbc;

import io.orderkeep.reconcile.domain.LocalPayment;
import io.orderkeep.reconcile.domain.LocalPayments;
import io.orderkeep.reconcile.domain.LocalStatus;
import io.orderkeep.reconcile.domain.SettlementWindow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The payments module's attempts as reconciliation reads them, straight from {@code payment_attempts} (read-only).
 * This couples the two modules through a table: the payments module's API offers no look-up by provider reference
 * nor a window query. The table keeps no time of success, so {@code updated_at} of a SUCCEEDED attempt stands for
 * it; it keeps no refunds, so every payment has none.
 */
@Component
public class JdbcLocalPayments implements LocalPayments {

    private static final String COLUMNS = "SELECT id, provider_ref, order_id, amount, currency, status, updated_at "
            + "FROM payment_attempts ";

    private final JdbcClient jdbc;

    JdbcLocalPayments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<LocalPayment> byProviderRef(String providerRef) {
        return jdbc.sql(COLUMNS + "WHERE provider_ref = ? ORDER BY id LIMIT 1").param(providerRef)
                .query(JdbcLocalPayments::payment).optional();
    }

    @Override
    public Optional<LocalPayment> byAttemptId(String attemptId) {
        return jdbc.sql(COLUMNS + "WHERE id = ?").param(attemptId).query(JdbcLocalPayments::payment).optional();
    }

    @Override
    public List<LocalPayment> attemptsOf(String orderId) {
        return jdbc.sql(COLUMNS + "WHERE order_id = ?").param(orderId).query(JdbcLocalPayments::payment).list();
    }

    @Override
    public Stream<LocalPayment> settledWithin(SettlementWindow window) {
        return jdbc.sql(COLUMNS + "WHERE status = 'SUCCEEDED' AND updated_at >= ? AND updated_at < ? ORDER BY id")
                .params(window.from().toEpochMilli(), window.until().toEpochMilli())
                .query(JdbcLocalPayments::payment).list().stream();
    }

    private static LocalPayment payment(ResultSet rs, int row) throws SQLException {
        LocalStatus status = LocalStatus.valueOf(rs.getString("status"));
        Instant succeededAt = status.collected() ? Instant.ofEpochMilli(rs.getLong("updated_at")) : null;
        return new LocalPayment(rs.getString("id"), rs.getString("provider_ref"), rs.getString("order_id"),
                rs.getLong("amount"), rs.getString("currency"), status, succeededAt, List.of());
    }
}
