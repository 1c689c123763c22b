package io.orderkeep.sandbox.http;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The query-timeout fault: holds a query's answer for a while, or until the server stops, whichever comes first. */
public final class QueryHold {

    private final Duration duration;
    private final CountDownLatch stopping = new CountDownLatch(1);

    public QueryHold(Duration duration) {
        this.duration = duration;
    }

    void hold() {
        try {
            stopping.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The server is stopping: let every held query go. */
    public void release() {
        stopping.countDown();
    }
}
