package io.orderkeep.cli.demo;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The demo's compressed schedule. A real shop waits minutes and hours (the watch's first query after 30 s, payments
 * open for 30 min, webhook retries up to 24 h); the demo must show a whole day of trouble in a few minutes, so every
 * wait below is short — and all of them are divided by {@code speed} (the tests run ten times faster still).
 */
public record DemoTimings(double speed) {

    private static final List<Duration> QUERY_SCHEDULE = seconds(15, 25, 35, 45, 60, 75, 90, 120);
    private static final List<Duration> DELIVERY_RETRIES = seconds(0, 1, 2, 5, 10, 20, 40, 60);
    private static final List<Duration> NOTIFY_RETRIES = seconds(2, 5, 10, 20, 30, 60);

    public DemoTimings {
        if (!(speed >= 1 && speed <= 100)) {
            throw new IllegalArgumentException("speed must be between 1 and 100, got " + speed);
        }
    }

    /** When the watch asks the provider about a payment still open, counted from its opening. */
    public List<Duration> querySchedule() {
        return scaled(QUERY_SCHEDULE);
    }

    /** How long a customer may take to pay before the order expires. */
    public Duration expiryWindow() {
        return scaled(Duration.ofSeconds(45));
    }

    public Duration watchInterval() {
        return scaled(Duration.ofMillis(500));
    }

    /** How long calls to the sandbox pause once five in a row went unanswered. */
    public Duration breakerPause() {
        return scaled(Duration.ofSeconds(10));
    }

    /** The wait before each webhook attempt (the first is immediate); after the last one the delivery is dead. */
    public List<Duration> deliveryRetries() {
        return scaled(DELIVERY_RETRIES);
    }

    public Duration deliveryPoll() {
        return scaled(Duration.ofMillis(500));
    }

    public Duration merchantHopDue() {
        return scaled(Duration.ofMinutes(3));
    }

    /** The sandbox's waits between attempts of one notification. */
    public List<Duration> notifyRetries() {
        return scaled(NOTIFY_RETRIES);
    }

    /** Orderkeep's read timeout on the sandbox; never below a second, a loaded machine answers slowly. */
    public Duration readTimeout() {
        return max(Duration.ofSeconds(1), scaled(Duration.ofSeconds(3)));
    }

    /** How long the sandbox holds a query hit by the query-timeout fault: longer than the read timeout. */
    public Duration queryHold() {
        return readTimeout().plusSeconds(1);
    }

    public Duration thinkMin() {
        return scaled(Duration.ofSeconds(1));
    }

    public Duration thinkMax() {
        return scaled(Duration.ofSeconds(6));
    }

    /** The longest notification delay of the default faults (harsh triples it). */
    public Duration notifyDelay() {
        return scaled(Duration.ofSeconds(10));
    }

    /**
     * How long, after the last customer acted, every order can still take to come back on its own: the watch's last
     * query (with pauses of the breaker on the way), then the merchant's whole retry schedule.
     */
    public Duration settleLimit() {
        Duration deliveries = deliveryRetries().stream().reduce(Duration.ZERO, Duration::plus);
        return querySchedule().getLast().plus(breakerPause().multipliedBy(2)).plus(deliveries)
                .plus(scaled(Duration.ofSeconds(10)));
    }

    /** A schedule as Spring reads a list of durations: {@code 1200ms,2000ms}. */
    static String property(List<Duration> schedule) {
        return schedule.stream().map(DemoTimings::property).collect(Collectors.joining(","));
    }

    static String property(Duration duration) {
        return duration.toMillis() + "ms";
    }

    /** What the screen says about the schedule, e.g. {@code 12s, 20s, 30s}. */
    static String words(List<Duration> schedule) {
        return schedule.stream().map(DemoTimings::words).collect(Collectors.joining(", "));
    }

    static String words(Duration duration) {
        long ms = duration.toMillis();
        if (ms % 1000 != 0 || ms == 0) {
            return ms == 0 ? "0s" : String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
        }
        long s = ms / 1000;
        if (s < 90 && s % 60 != 0) {
            return s + "s";
        }
        return s % 60 == 0 ? s / 60 + "m" : s / 60 + "m" + s % 60 + "s";
    }

    /** {@code 10×}, {@code 2.5×}. */
    static String times(double factor) {
        return (factor == Math.rint(factor) ? Long.toString((long) factor) : Double.toString(factor)) + "×";
    }

    private Duration scaled(Duration duration) {
        return Duration.ofMillis(Math.round(duration.toMillis() / speed));
    }

    private List<Duration> scaled(List<Duration> schedule) {
        return schedule.stream().map(this::scaled).toList();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static List<Duration> seconds(long... values) {
        return java.util.Arrays.stream(values).mapToObj(Duration::ofSeconds).toList();
    }
}
