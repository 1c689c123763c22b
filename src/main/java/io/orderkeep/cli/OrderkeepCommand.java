package io.orderkeep.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of the command line. With no subcommand it serves. */
@Command(name = "orderkeep", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Order integrity for online shops: no order goes unreturned.",
        subcommands = {ServeCommand.class, DemoCommand.class, SandboxCommand.class, KeysCommand.class, UsersCommand.class,
                MerchantsCommand.class, AuditCommand.class, ReconcileCommand.class, DoctorCommand.class, EvidenceCommand.class})
public class OrderkeepCommand {

    /** What {@code serve} returns: the web server's threads keep the process alive, so main must not exit. */
    public static final int KEEP_RUNNING = Integer.MIN_VALUE;

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs a command line writing to {@code out} and {@code err} (a test captures them); returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        var commandLine = new CommandLine(new OrderkeepCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        if (args.length == 0 || args[0].startsWith("--") && !isRootOption(args[0])) {
            String[] serve = new String[args.length + 1];
            serve[0] = "serve";
            System.arraycopy(args, 0, serve, 1, args.length);
            return commandLine.execute(serve);
        }
        return commandLine.execute(args);
    }

    private static boolean isRootOption(String arg) {
        return arg.equals("--help") || arg.equals("--version");
    }
}
