package io.orderkeep.cli;

import io.orderkeep.Orderkeep;
import io.orderkeep.platform.ApiException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * A command that works on Orderkeep's database: it starts the application without its web server, on the database
 * {@code serve} would use (the same ORDERKEEP_* settings; {@code --data-dir}, or any {@code --orderkeep.x=y}
 * property), does its work through the same services, so it is audited (actor {@code cli}), and closes it.
 * Lazy beans keep the background loops of {@code serve} from starting, and logging stays at warnings.
 */
abstract class DatabaseCommand implements Callable<Integer> {

    /** The actor that the audit trail records for what the command line does. */
    static final String ACTOR = "cli";

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", description = "Where the embedded database lives (default: ORDERKEEP_DATA_DIR or ./data).")
    String dataDir;

    @Unmatched
    List<String> springArgs = new ArrayList<>();

    /** Settings this command starts the application with, beside the user's (which win). */
    Map<String, String> startProperties() {
        return Map.of();
    }

    /** Does the work with the started application; returns the exit code. */
    abstract int run(ConfigurableApplicationContext context);

    @Override
    public final Integer call() {
        var args = new ArrayList<>(springArgs);
        if (dataDir != null) {
            args.add("--orderkeep.data-dir=" + dataDir);
        }
        var defaults = new HashMap<String, Object>(startProperties());
        try (var context = new SpringApplicationBuilder(Orderkeep.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties(defaults)
                .properties(Map.of("spring.main.lazy-initialization", "true",
                        "logging.level.root", "warn",
                        // A start that fails is reported below in one line, not as a logged stack trace.
                        "logging.level.org.springframework.boot.SpringApplication", "off",
                        "logging.level.org.springframework.boot.diagnostics", "off"))
                .run(args.toArray(String[]::new))) {
            return run(context);
        } catch (ApiException e) {
            err().println("error: " + e.getMessage());
            e.errors().forEach(field -> err().println("  " + field.field() + " " + field.message()));
            return 1;
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    /** The start or the work failed; answers the exit code. */
    int failed(RuntimeException e) {
        // Typically the database is unreachable or refuses us: the root cause says why, a stack trace would not.
        err().println("error: " + rootCause(e).getMessage());
        return 1;
    }

    static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
