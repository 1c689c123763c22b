package io.orderkeep.cli;

import java.util.List;

/** Runs the command line in this JVM for tests outside the cli package. */
public final class CliRunner {

    public record Run(int exitCode, String out, String err) {}

    private CliRunner() {}

    public static Run cli(List<String> database, String... args) {
        var run = CliTest.cli(database, args);
        return new Run(run.exitCode(), run.out(), run.err());
    }
}
