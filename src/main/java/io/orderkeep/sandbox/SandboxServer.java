package io.orderkeep.sandbox;

import com.sun.net.httpserver.HttpServer;
import io.orderkeep.sandbox.core.FaultDice;
import io.orderkeep.sandbox.core.Ledger;
import io.orderkeep.sandbox.core.Notifier;
import io.orderkeep.sandbox.core.Outbox;
import io.orderkeep.sandbox.core.SandboxDatabase;
import io.orderkeep.sandbox.core.Settlement;
import io.orderkeep.sandbox.http.OpsApi;
import io.orderkeep.sandbox.http.PayPage;
import io.orderkeep.sandbox.http.PaymentsApi;
import io.orderkeep.sandbox.http.QueryHold;
import io.orderkeep.sandbox.http.SandboxRoutes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A running sandbox provider: its HTTP server, its database and its notification sender. Start one with
 * {@link #start(SandboxConfig)}; {@link #close()} stops it, and pending notifications wait in the database for the
 * next start on the same file.
 */
public final class SandboxServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService requests;
    private final SandboxDatabase database;
    private final Notifier notifier;
    private final FaultDice dice;
    private final QueryHold hold;
    private final String url;
    private boolean closed;

    private SandboxServer(HttpServer server, ExecutorService requests, SandboxDatabase database, Notifier notifier,
            FaultDice dice, QueryHold hold, String url) {
        this.server = server;
        this.requests = requests;
        this.database = database;
        this.notifier = notifier;
        this.dice = dice;
        this.hold = hold;
        this.url = url;
    }

    /** Opens the database, binds the port and starts answering and notifying; fails if the port is taken. */
    public static SandboxServer start(SandboxConfig config) {
        SandboxDatabase database = SandboxDatabase.open(config.databaseFile());
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 64);
            int port = server.getAddress().getPort();
            String url = config.publicUrl() != null ? stripSlash(config.publicUrl()) : "http://127.0.0.1:" + port;
            var dice = new FaultDice(config.faults(), config.seed());
            var outbox = new Outbox(database, dice, config.clock());
            var notifier = new Notifier(outbox, dice, config.clock(), config.secret(),
                    config.notifyRetrySchedule(), config.notifyTimeout());
            var ledger = new Ledger(database, outbox, config.clock(), notifier::wake);
            var hold = new QueryHold(config.queryHold());
            var payments = new PaymentsApi(ledger, outbox, dice, hold, () -> url);
            var ops = new OpsApi(dice, new Settlement(database, config.timeZone()));
            ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
            server.setExecutor(requests);
            server.createContext("/", new SandboxRoutes(payments, new PayPage(payments), ops));
            server.start();
            notifier.start();
            return new SandboxServer(server, requests, database, notifier, dice, hold, url);
        } catch (IOException e) {
            database.close();
            throw new UncheckedIOException("cannot listen on " + config.host() + ":" + config.port(), e);
        }
    }

    /** The base URL the sandbox is reached at, without a trailing slash. */
    public String url() {
        return url;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public Faults faults() {
        return dice.faults();
    }

    /** Changes the faults in force from now on, as {@code POST /v1/faults} does. */
    public void setFaults(Faults faults) {
        dice.set(faults);
    }

    /** Stops answering and notifying and closes the database. Held queries are let go first. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        hold.release();
        server.stop(0);
        notifier.close();
        requests.close();
        database.close();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
