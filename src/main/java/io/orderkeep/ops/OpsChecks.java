package io.orderkeep.ops;

import io.orderkeep.ops.metrics.FiguresReader;
import io.orderkeep.payment.PaymentProvider;
import io.orderkeep.platform.Dialect;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The checks behind readiness and {@code orderkeep doctor}: each returns a {@link Check} saying what it found and,
 * when it failed, what to fix. Readiness runs the cheap ones; doctor runs them all.
 */
@Component
@EnableConfigurationProperties(OpsProperties.class)
public class OpsChecks {

    private final JdbcClient jdbc;
    private final Dialect dialect;
    private final Clock clock;
    private final ObjectProvider<Flyway> flyway;
    private final FiguresReader figures;
    private final ObjectProvider<PaymentProvider> providers;
    private final OpsProperties properties;
    private final ConfigChecks config;

    OpsChecks(JdbcClient jdbc, Dialect dialect, Clock clock, ObjectProvider<Flyway> flyway, FiguresReader figures,
            ObjectProvider<PaymentProvider> providers, OpsProperties properties, ConfigChecks config) {
        this.config = config;
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.clock = clock;
        this.flyway = flyway;
        this.figures = figures;
        this.providers = providers;
        this.properties = properties;
    }

    /** The operational figures now: what the metrics export and the console's dashboard shows. */
    public OpsFigures figures() {
        return figures.read();
    }

    /**
     * Configuration, database, migrations, clock, backlogs, workers' pulse and providers' reachability. Stops after
     * the database when it cannot be reached, and after the migrations when some are pending: the later checks
     * read tables an older schema may not have.
     */
    public List<Check> all() {
        var checks = new ArrayList<>(config.all());
        Check database = database();
        checks.add(database);
        if (!database.ok()) {
            return checks;
        }
        Check migrations = migrations();
        checks.add(migrations);
        if (!migrations.ok()) {
            return checks;
        }
        checks.add(clockSkew());
        checks.addAll(backlogs(figures.read()));
        providers.orderedStream().forEach(p -> checks.add(reachable(p)));
        return checks;
    }

    public Check database() {
        try {
            jdbc.sql("SELECT 1").query(Integer.class).single();
            return Check.pass("database", dialect + " reachable");
        } catch (RuntimeException e) {
            return Check.fail("database", "not reachable: " + e.getClass().getSimpleName(),
                    "check ORDERKEEP_DB_URL / ORDERKEEP_DB_USER / ORDERKEEP_DB_PASSWORD and that the database is up");
        }
    }

    public Check migrations() {
        Flyway migrations = flyway.getIfAvailable();
        if (migrations == null) {
            return Check.fail("migrations", "Flyway is not configured", "do not disable spring.flyway");
        }
        var info = migrations.info();
        var pending = info.pending();
        var current = info.current();
        String version = current == null ? "none" : current.getVersion().toString();
        return pending.length == 0
                ? Check.pass("migrations", "schema at version " + version)
                : Check.fail("migrations", pending.length + " migration(s) pending at version " + version
                                + " (next: " + pending[0].getVersion() + ")",
                        "run ./orderkeep serve once (it migrates on start) with a database user allowed to change "
                                + "the schema, or apply them with Flyway from src/main/resources/db/migration");
    }

    public Check clockSkew() {
        String sql = dialect == Dialect.POSTGRESQL
                ? "SELECT CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)"
                : "SELECT CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)";
        long db = jdbc.sql(sql).query(Long.class).single();
        Duration skew = Duration.ofMillis(Math.abs(clock.millis() - db));
        return skew.compareTo(properties.maxClockSkew()) <= 0
                ? Check.pass("clock", "skew vs database " + skew.toMillis() + " ms")
                : Check.fail("clock", "this machine's clock is " + skew.toMillis() + " ms away from the database's",
                        "synchronise both hosts with NTP (chrony/timesyncd); due times and signatures depend on it");
    }

    /** Backlog and the dispatcher's and watch's pulse, judged from figures already read. */
    public List<Check> backlogs(OpsFigures f) {
        var checks = new ArrayList<Check>();
        long backlog = f.deliveryBacklogTotal();
        checks.add(backlog <= properties.maxBacklog()
                ? Check.pass("delivery-backlog", backlog + " webhook deliveries waiting")
                : Check.fail("delivery-backlog", backlog + " webhook deliveries waiting (max " + properties.maxBacklog() + ")",
                        "look at failing endpoints (orderkeep_delivery_dead_letters) and the dispatcher's log"));
        checks.add(pulse("dispatcher", f.oldestDeliveryDue(), "webhook delivery"));
        checks.add(pulse("watch", f.oldestWatchDue(), "payment check"));
        checks.add(f.unreturnedOrders() < properties.unreturnedAlert()
                ? Check.pass("unreturned", f.unreturnedOrders() + " unreturned orders")
                : Check.fail("unreturned", f.unreturnedOrders() + " unreturned orders " + f.unreturnedByHop(),
                        "see GET /api/v1/orders?unreturned=true and each order's evidence"));
        return checks;
    }

    private Check pulse(String worker, Duration oldest, String what) {
        return oldest.compareTo(properties.maxStall()) <= 0
                ? Check.pass(worker, "alive (oldest due " + what + " waited " + oldest.toSeconds() + " s)")
                : Check.fail(worker, "the oldest due " + what + " has waited " + oldest.toSeconds() + " s",
                        "make sure an `orderkeep serve` instance is running and look at its log for errors");
    }

    private Check reachable(PaymentProvider provider) {
        String name = "provider:" + provider.name();
        String url = provider.settings().url();
        if (url == null || url.isBlank()) {
            return Check.fail(name, "no URL configured", "set ORDERKEEP_PROVIDERS_" + provider.name().toUpperCase() + "_URL");
        }
        try (var socket = new Socket()) {
            URI uri = URI.create(url);
            int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
            socket.connect(new InetSocketAddress(uri.getHost(), port), (int) provider.settings().connectTimeout().toMillis());
            return Check.pass(name, "reachable at " + uri.getHost() + ":" + port);
        } catch (IOException | IllegalArgumentException e) {
            return Check.fail(name, "cannot connect to " + url + ": " + e.getClass().getSimpleName(),
                    "check the provider URL, DNS and the firewall");
        }
    }
}
