package io.orderkeep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SandboxCommandTest {

    @TempDir
    Path dir;

    @Test
    void refusesFaultsItCannotApply() {
        var err = new StringWriter();

        int exit = command(err).execute("sandbox", "--port", "0", "--data-dir", dir.toString(),
                "--faults", "{\"dropNotify\": 2}");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--faults: dropNotify: must be a number between 0 and 1");
    }

    @Test
    void refusesAnUnknownTimeZone() {
        var err = new StringWriter();

        int exit = command(err).execute("sandbox", "--port", "0", "--data-dir", dir.toString(),
                "--time-zone", "Mars/Olympus");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("unknown time zone");
    }

    @Test
    void saysSoWhenThePortIsTaken() throws Exception {
        var err = new StringWriter();
        try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int exit = command(err).execute("sandbox", "--host", "127.0.0.1", "--port",
                    Integer.toString(taken.getLocalPort()), "--data-dir", dir.toString());

            assertThat(exit).isEqualTo(1);
            assertThat(err.toString()).contains("Cannot start the sandbox");
        }
    }

    private static CommandLine command(StringWriter err) {
        return new CommandLine(new OrderkeepCommand()).setErr(new PrintWriter(err, true));
    }
}
