package io.orderkeep.cli.demo;

import io.orderkeep.Orderkeep;
import io.orderkeep.sandbox.SandboxConfig;
import io.orderkeep.sandbox.SandboxServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The three servers of a demo, all on 127.0.0.1: the sandbox provider with its faults, the merchant's receiver, and
 * Orderkeep itself — the real application on SQLite in the demo's own directory, with the compressed schedule.
 */
final class DemoWorld implements AutoCloseable {

    private final SandboxServer sandbox;
    private final MerchantReceiver receiver;
    private final ConfigurableApplicationContext orderkeep;
    private final String url;
    private final String adminKey;
    private boolean closed;

    private DemoWorld(SandboxServer sandbox, MerchantReceiver receiver, ConfigurableApplicationContext orderkeep,
            String url, String adminKey) {
        this.sandbox = sandbox;
        this.receiver = receiver;
        this.orderkeep = orderkeep;
        this.url = url;
        this.adminKey = adminKey;
    }

    static DemoWorld start(DemoSettings settings) {
        DemoTimings timings = settings.timings();
        try {
            Files.createDirectories(settings.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the demo directory " + settings.dataDir(), e);
        }
        String sandboxSecret = random("sbx_");
        SandboxServer sandbox = SandboxServer.start(
                SandboxConfig.of(settings.dataDir().resolve("sandbox.db"), sandboxSecret)
                        .withHost("127.0.0.1")
                        .withPort(settings.sandboxPort())
                        .withSeed(settings.seed())
                        .withFaults(settings.faults().faults(timings))
                        .withNotifyRetrySchedule(timings.notifyRetries())
                        .withQueryHold(timings.queryHold()));
        MerchantReceiver receiver = null;
        try {
            receiver = MerchantReceiver.start(settings.receiverPort(), settings.seed(), settings.faults());
            int port = settings.port() != 0 ? settings.port() : freePort();
            String url = "http://127.0.0.1:" + port;
            String adminKey = random("ok_");
            var context = new SpringApplicationBuilder(Orderkeep.class)
                    .environment(DemoEnvironment.isolated(System.getenv()))
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .run(arguments(settings, timings, port, url, adminKey, sandbox.url(), sandboxSecret)
                            .toArray(String[]::new));
            return new DemoWorld(sandbox, receiver, context, url, adminKey);
        } catch (RuntimeException e) {
            if (receiver != null) {
                receiver.close();
            }
            sandbox.close();
            throw e;
        }
    }

    /**
     * Command-line properties: they win over any system property; the shell's ORDERKEEP_* variables are left out of
     * the environment altogether ({@link DemoEnvironment}).
     */
    private static List<String> arguments(DemoSettings settings, DemoTimings timings, int port, String url,
            String adminKey, String sandboxUrl, String sandboxSecret) {
        var args = new ArrayList<String>();
        args.add("--server.port=" + port);
        args.add("--server.address=127.0.0.1");
        args.add("--orderkeep.data-dir=" + settings.dataDir());
        args.add("--orderkeep.db.url=jdbc:sqlite:" + settings.dataDir().resolve("orderkeep.db"));
        args.add("--orderkeep.public-url=" + url);
        args.add("--orderkeep.admin-key=" + adminKey);
        args.add("--orderkeep.providers.sandbox.url=" + sandboxUrl);
        args.add("--orderkeep.providers.sandbox.secret=" + sandboxSecret);
        args.add("--orderkeep.providers.sandbox.query-schedule=" + DemoTimings.property(timings.querySchedule()));
        args.add("--orderkeep.providers.sandbox.expiry-window=" + DemoTimings.property(timings.expiryWindow()));
        args.add("--orderkeep.providers.sandbox.read-timeout=" + DemoTimings.property(timings.readTimeout()));
        args.add("--orderkeep.watch.interval=" + DemoTimings.property(timings.watchInterval()));
        args.add("--orderkeep.watch.breaker-pause=" + DemoTimings.property(timings.breakerPause()));
        args.add("--orderkeep.delivery.retry-schedule=" + DemoTimings.property(timings.deliveryRetries()));
        args.add("--orderkeep.delivery.poll-interval=" + DemoTimings.property(timings.deliveryPoll()));
        args.add("--orderkeep.delivery.merchant-hop-due=" + DemoTimings.property(timings.merchantHopDue()));
        // The demo's own traffic and status reads come from one key and one address, far faster than a shop's.
        for (String limit : List.of("key", "address")) {
            args.add("--orderkeep.rate-limit." + limit + ".per-second=100000");
            args.add("--orderkeep.rate-limit." + limit + ".burst=100000");
        }
        // The terminal belongs to the status line: only errors are logged (Orderkeep's warnings about the faults the
        // demo injects — a payment left UNKNOWN, a webhook refused — are what the status line and summary count), and
        // the demo prints where Orderkeep listens itself (on 127.0.0.1, with its admin key), so serve's banner would
        // only repeat it wrongly.
        args.add("--orderkeep.listening-banner=false");
        args.add("--logging.level.root=error");
        args.add("--logging.level.io.orderkeep=error");
        args.add("--logging.level.org.springdoc=error");
        return args;
    }

    String url() {
        return url;
    }

    String adminKey() {
        return adminKey;
    }

    SandboxServer sandbox() {
        return sandbox;
    }

    MerchantReceiver receiver() {
        return receiver;
    }

    ConfigurableApplicationContext orderkeep() {
        return orderkeep;
    }

    /** Orderkeep first (it stops calling the others), then the receiver and the sandbox. Closing twice is harmless. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        orderkeep.close();
        receiver.close();
        sandbox.close();
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    private static String random(String prefix) {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }
}
