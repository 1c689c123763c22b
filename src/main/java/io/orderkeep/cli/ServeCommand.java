package io.orderkeep.cli;

import io.orderkeep.Orderkeep;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** Starts Orderkeep: the HTTP API, the console and every background loop. */
@Command(name = "serve", description = "Start Orderkeep (the default command).")
class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", description = "HTTP port (default: SERVER_PORT or 8080).")
    Integer port;

    @Option(names = "--data-dir", description = "Where the embedded database lives (default: ORDERKEEP_DATA_DIR or ./data).")
    String dataDir;

    @Unmatched
    List<String> springArgs = new ArrayList<>();

    @Override
    public Integer call() {
        var args = new ArrayList<>(springArgs);
        if (port != null) {
            args.add("--server.port=" + port);
        }
        if (dataDir != null) {
            args.add("--orderkeep.data-dir=" + dataDir);
        }
        SpringApplication.run(Orderkeep.class, args.toArray(String[]::new));
        return OrderkeepCommand.KEEP_RUNNING;
    }
}
