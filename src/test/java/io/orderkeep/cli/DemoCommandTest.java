package io.orderkeep.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderkeep.cli.demo.Demo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.TypeConversionException;

/** The demo's options, refused before anything starts (the demo itself runs in {@code cli.demo.DemoTest}). */
class DemoCommandTest {

    record Run(int exitCode, String err) {}

    @Test
    void refusesAFaultLevelItDoesNotKnow() {
        var run = demo("--faults", "apocalyptic");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--faults").contains("none, default, harsh".toUpperCase());
    }

    @Test
    void refusesNoOrdersAndAnImpossibleSpeed() {
        assertThat(demo("--orders", "0")).isEqualTo(new Run(2, "error: --orders must be at least 1" + System.lineSeparator()));
        assertThat(demo("--speed", "0.5").err()).contains("speed must be between 1 and 100");
    }

    @Test
    void readsDurationsAsPeopleWriteThem() {
        var converter = new DemoCommand.DurationConverter();

        assertThat(converter.convert("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(converter.convert("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(converter.convert("1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(converter.convert("PT2M")).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> converter.convert("2 minutes")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> converter.convert("m")).isInstanceOf(TypeConversionException.class);
        assertThat(demo("--duration", "soon").err()).contains("'soon' is not a duration");
    }

    @Test
    void saysInOneLineWhenAPortIsTaken(@TempDir Path dir) throws Exception {
        try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var run = demo("--sandbox-port", Integer.toString(taken.getLocalPort()), "--data-dir", dir.toString());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).startsWith("error: the demo stopped: cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void aSmallDemoInWhichEveryOrderComesBackExitsZeroAndPrintsOnlyItsOwnAddresses(@TempDir Path dir) {
        var out = new StringWriter();
        var err = new StringWriter();
        var console = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stdout = System.out;

        int code;
        System.setOut(new java.io.PrintStream(console, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            code = OrderkeepCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), "demo", "--orders", "3",
                    "--duration", "1s", "--speed", "10", "--faults", "none", "--seed", "4", "--data-dir",
                    dir.toString());
        } finally {
            System.setOut(stdout);
        }

        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("Every order came back and the audit chain verifies.")
                .containsPattern("(?m)^orders placed:\\s+3$").containsPattern("Orderkeep: +http://127\\.0\\.0\\.1:");
        assertThat(console.toString(java.nio.charset.StandardCharsets.UTF_8)).as("serve's banner stays out of the demo")
                .doesNotContain("Orderkeep is listening on");
    }

    @Test
    void exitsOneWhenAnOrderDidNotComeBackAndKeepsRunningWithKeep() {
        assertThat(DemoCommand.exitCode(new Demo.Outcome(true, false))).isZero();
        assertThat(DemoCommand.exitCode(new Demo.Outcome(false, false))).isEqualTo(1);
        assertThat(DemoCommand.exitCode(new Demo.Outcome(true, true))).isEqualTo(OrderkeepCommand.KEEP_RUNNING);
        assertThat(DemoCommand.exitCode(new Demo.Outcome(false, true))).isEqualTo(OrderkeepCommand.KEEP_RUNNING);
    }

    private static Run demo(String... options) {
        var err = new StringWriter();
        String[] args = new String[options.length + 1];
        args[0] = "demo";
        System.arraycopy(options, 0, args, 1, options.length);
        int code = OrderkeepCommand.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
        return new Run(code, err.toString());
    }
}
