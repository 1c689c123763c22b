package io.orderkeep.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of the command line. With no subcommand it serves. */
@Command(name = "orderkeep", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Order integrity for online shops: no order goes unreturned.",
        subcommands = {ServeCommand.class, SandboxCommand.class})
public class OrderkeepCommand {

    /** What {@code serve} returns: the web server's threads keep the process alive, so main must not exit. */
    public static final int KEEP_RUNNING = Integer.MIN_VALUE;

    public static int run(String... args) {
        var commandLine = new CommandLine(new OrderkeepCommand());
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
