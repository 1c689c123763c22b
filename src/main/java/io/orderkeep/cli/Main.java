package io.orderkeep.cli;

/** The process entry point: the command line decides what this process does ({@code serve} by default). */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        int exitCode = OrderkeepCommand.run(args);
        if (exitCode != OrderkeepCommand.KEEP_RUNNING) {
            System.exit(exitCode);
        }
    }
}
