package io.orderkeep.platform;

import org.slf4j.MDC;

/**
 * The order a stretch of background work is about, in the log's MDC ({@code orderId}, the key request logging uses
 * too), so that the watch's and the dispatchers' log lines name their order as a request's do. Closing it puts back
 * what was there before: work started inside a request leaves the request's own order id in place.
 */
public final class LogScope implements AutoCloseable {

    public static final String ORDER_ID = "orderId";

    private final String previous;

    private LogScope(String previous) {
        this.previous = previous;
    }

    public static LogScope order(String orderId) {
        String previous = MDC.get(ORDER_ID);
        if (orderId != null) {
            MDC.put(ORDER_ID, orderId);
        }
        return new LogScope(previous);
    }

    @Override
    public void close() {
        if (previous == null) {
            MDC.remove(ORDER_ID);
        } else {
            MDC.put(ORDER_ID, previous);
        }
    }
}
