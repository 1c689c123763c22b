package io.orderkeep.cli.demo;

import io.orderkeep.sandbox.SandboxConfig;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;

/**
 * {@code orderkeep demo}: starts the sandbox with its faults, the merchant's receiver and Orderkeep, lets the customers'
 * plan play through the real APIs with one live status line, waits until every order has come back (or has been
 * handed to a person), reconciles the sandbox's settlement file and prints the summary.
 */
public final class Demo {

    /** How a demo ended: whether it succeeded, and whether its servers are still running ({@code --keep}). */
    public record Outcome(boolean success, boolean running) {}

    private static final String[] REAL_QUERY_SCHEDULE = {"30s", "1m", "2m", "5m", "15m", "1h", "6h", "24h"};

    private final DemoSettings settings;
    private final DemoTimings timings;
    private final PrintWriter out;

    public Demo(DemoSettings settings, PrintWriter out) {
        this.settings = settings;
        this.timings = settings.timings();
        this.out = out;
    }

    /** Where a demo's servers listen, and the admin key it made (for a test that reads the API before they stop). */
    record Servers(String orderkeep, String adminKey, String sandbox) {}

    public Outcome run() throws InterruptedException {
        return run(servers -> { });
    }

    /** Runs the demo; {@code beforeStopping} sees the servers after the summary, while they still answer. */
    Outcome run(java.util.function.Consumer<Servers> beforeStopping) throws InterruptedException {
        List<Customer> plan = Customer.plan(settings.seed(), settings.orders(), settings.duration(), timings);
        introduce();
        Instant started = Instant.now();
        DemoWorld world = DemoWorld.start(settings);
        Instant up = Instant.now();
        boolean running = false;
        var scheduler = Executors.newScheduledThreadPool(8);
        try {
            var orderkeep = new DemoHttp(world.url(), world.adminKey());
            var sandbox = new DemoHttp(world.sandbox().url(), null);
            DemoSetup.shop(orderkeep, world.receiver());
            where(world);
            var records = new OrderRecords(orderkeep);
            var status = new StatusLine(out, settings.terminal());
            var generator = new TrafficGenerator(orderkeep, sandbox, scheduler, plan, timings, settings.seed());
            generator.start();
            watchCustomers(generator, records, status);
            Instant customersDone = Instant.now();
            Figures settled = settle(records, status, timings.settleLimit(), false);
            status.end(StatusLine.render(settled));
            if (generator.refused() > 0) {
                out.println(generator.refused() + " order(s) were not placed; the last: " + generator.lastRefusal());
            }
            out.println("Reconciling the sandbox's settlement file through POST /api/v1/reconciliations …");
            Instant reconciling = Instant.now();
            Summary.Reconciled reconciled = Reconciler.reconcile(orderkeep, days(started));
            // Repairs write events (order.paid) that the merchant must get as well.
            settle(records, new StatusLine(new PrintWriter(PrintWriter.nullWriter()), false),
                    timings.deliveryRetries().stream().reduce(Duration.ZERO, Duration::plus), true);
            Figures figures = new Figures(records.read(true));
            JsonNode verify = orderkeep.get("/api/v1/audit/verify").expect("GET /api/v1/audit/verify");
            var audit = new Summary.Audit(verify.path("ok").asBoolean(), verify.path("entries").asLong(),
                    verify.path("firstBadSeq").isNull() ? null : verify.path("firstBadSeq").asLong());
            var reasons = records.attentionReasons(
                    figures.needingAttention().stream().limit(Summary.MAX_LISTED).toList());
            boolean success = Summary.print(out, figures, reconciled, audit, plan(plan), world.receiver(), reasons);
            out.printf("Took %s: start-up %s, customers %s, settling %s, reconciliation and summary %s.%n",
                    seconds(started, Instant.now()), seconds(started, up), seconds(up, customersDone),
                    seconds(customersDone, reconciling), seconds(reconciling, Instant.now()));
            out.flush();
            beforeStopping.accept(new Servers(world.url(), world.adminKey(), world.sandbox().url()));
            if (settings.keep()) {
                running = true;
                Runtime.getRuntime().addShutdownHook(new Thread(world::close, "demo-shutdown"));
                out.println();
                out.println("--keep: the servers keep running (Orderkeep " + world.url() + ", sandbox "
                        + world.sandbox().url() + "). Press Ctrl-C to stop them.");
                out.flush();
            }
            return new Outcome(success, running);
        } finally {
            scheduler.shutdownNow();
            if (!running) {
                world.close();
            }
        }
    }

    private void introduce() {
        out.printf("Orderkeep demo: %d orders over %s, seed %d (--seed %d replays the same customers and fault dice)%n",
                settings.orders(), DemoTimings.words(settings.duration()), settings.seed(), settings.seed());
        out.println("The world misbehaves: " + settings.faults().describe(timings) + ".");
        out.println("Compressed schedule for the demo (a shop's defaults in brackets): the watch asks the provider about "
                + "an open payment after " + DemoTimings.words(timings.querySchedule()) + " ["
                + String.join(", ", REAL_QUERY_SCHEDULE) + "]; unpaid orders expire after "
                + DemoTimings.words(timings.expiryWindow()) + " [30m]; webhooks are retried after "
                + DemoTimings.words(timings.deliveryRetries()) + " [0s, 5s, 5m, 30m, 2h … 24h]"
                + (timings.speed() == 1 ? "" : "; and all of it " + DemoTimings.times(timings.speed()) + " faster (--speed)") + ".");
        out.println("Demo data: " + settings.dataDir().toAbsolutePath().normalize());
        out.flush();
    }

    private void where(DemoWorld world) {
        out.println("Orderkeep:  " + world.url() + "  (API /api/v1, docs /swagger-ui.html)  admin key for this demo: "
                + world.adminKey());
        out.println("Sandbox:    " + world.sandbox().url() + "   merchant receiver: " + world.receiver().url());
        String console = world.url() + "/console";
        var login = DemoConsoleLogin.create(world.orderkeep());
        out.println("Console:    " + console + "  (log in as " + login.user() + " / " + login.password() + ")");
        out.println();
        out.flush();
    }

    /** Refreshes the status line until every customer has acted (or cannot anymore), showing one tracking link. */
    private void watchCustomers(TrafficGenerator generator, OrderRecords records, StatusLine status)
            throws InterruptedException {
        Instant giveUp = Instant.now().plus(settings.duration()).plus(timings.thinkMax()).plus(timings.expiryWindow())
                .plus(timings.settleLimit());
        boolean linkShown = false;
        while (!generator.awaitCustomers(refresh()) && Instant.now().isBefore(giveUp)) {
            status.show(StatusLine.render(new Figures(records.read(false))));
            if (!linkShown && generator.firstOrder() != null) {
                linkShown = true;
                status.say("Follow one order as its customer does: "
                        + generator.firstOrder().path("trackingUrl").asString());
            }
        }
    }

    /**
     * Waits, refreshing the status line, until nothing is left that Orderkeep does by itself (see
     * {@link Figures#settled()}), or the limit passes; {@code deliveriesOnly} waits for the webhooks alone.
     */
    private Figures settle(OrderRecords records, StatusLine status, Duration limit, boolean deliveriesOnly)
            throws InterruptedException {
        Instant giveUp = Instant.now().plus(limit);
        while (true) {
            Figures figures = new Figures(records.read(false));
            status.show(StatusLine.render(figures));
            boolean done = deliveriesOnly ? figures.deliveriesInFlight() == 0 : figures.settled();
            if (done || !Instant.now().isBefore(giveUp)) {
                return figures;
            }
            Thread.sleep(refresh());
        }
    }

    private static String seconds(Instant from, Instant to) {
        return DemoTimings.words(Duration.ofSeconds(Duration.between(from, to).toSeconds()));
    }

    /**
     * How often the status line is read: each read lists every order and delivery through the API, on the same
     * database the demo's traffic uses, so a big demo reads less often (10 ms per order).
     */
    private Duration refresh() {
        return Duration.ofMillis(Math.max(Math.max(200, Math.round(1000 / timings.speed())), 10L * settings.orders()));
    }

    /** Every settlement day (in the sandbox's zone) the demo touched: usually one. */
    private static List<LocalDate> days(Instant started) {
        var days = new ArrayList<LocalDate>();
        LocalDate day = LocalDate.ofInstant(started, SandboxConfig.DEFAULT_TIME_ZONE);
        LocalDate last = LocalDate.ofInstant(Instant.now(), SandboxConfig.DEFAULT_TIME_ZONE);
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            days.add(day);
        }
        return days;
    }

    private static Summary.Plan plan(List<Customer> plan) {
        Map<Customer.Choice, Long> counts = new java.util.EnumMap<>(Customer.Choice.class);
        plan.forEach(c -> counts.merge(c.choice(), 1L, Long::sum));
        return new Summary.Plan(counts.getOrDefault(Customer.Choice.PAY, 0L),
                counts.getOrDefault(Customer.Choice.FAIL, 0L), counts.getOrDefault(Customer.Choice.WALK_AWAY, 0L));
    }
}
