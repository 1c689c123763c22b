package io.orderkeep.cli.demo;

import java.io.PrintWriter;

/**
 * The one live line. On a terminal it is redrawn in place every refresh; elsewhere (a log, a test) it is printed as a
 * new line only when it changed and at most every few seconds. Messages are printed above it.
 */
final class StatusLine {

    private static final long QUIET_NANOS = 5_000_000_000L;

    private final PrintWriter out;
    private final boolean terminal;
    private String shown = "";
    private long printedAt;

    StatusLine(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    static String render(Figures f) {
        return String.format("placed %d · paid %d · failed %d · expired %d · waiting %d · found by query %d"
                        + " · redelivered %d · unreturned now %d", f.placed(), f.paid(), f.failed(), f.expired(),
                f.waiting(), f.foundByQuery(), f.redelivered(), f.unreturnedNow());
    }

    synchronized void show(String line) {
        if (terminal) {
            out.print("\r" + line + " ".repeat(Math.max(0, shown.length() - line.length())));
            out.flush();
        } else if (!line.equals(shown) && System.nanoTime() - printedAt >= QUIET_NANOS) {
            out.println("  " + line);
            out.flush();
            printedAt = System.nanoTime();
        }
        shown = line;
    }

    /** Prints a message on its own line, keeping the status line below it on a terminal. */
    synchronized void say(String message) {
        if (terminal && !shown.isEmpty()) {
            out.print("\r" + " ".repeat(shown.length()) + "\r");
        }
        out.println(message);
        if (terminal && !shown.isEmpty()) {
            out.print(shown);
        }
        out.flush();
    }

    /** Leaves the line as it is and moves below it. */
    synchronized void end(String line) {
        if (terminal) {
            out.print("\r" + line + " ".repeat(Math.max(0, shown.length() - line.length())));
            out.println();
        } else {
            out.println("  " + line);
        }
        out.flush();
        shown = "";
    }
}
