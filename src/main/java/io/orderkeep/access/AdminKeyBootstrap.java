package io.orderkeep.access;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes sure an admin can get in. With ORDERKEEP_ADMIN_KEY set, that key works. Without it, the first start
 * creates an admin key and prints it once, to the terminal and never to the log; later starts print nothing.
 * Only a server does this: a command-line run ({@code orderkeep keys …}) prints only what it was asked for.
 */
@Component
class AdminKeyBootstrap {

    private final ApiKeys keys;
    private final String configuredKey;
    private final PrintStream terminal = System.out;

    AdminKeyBootstrap(ApiKeys keys, @Value("${orderkeep.admin-key:}") String configuredKey) {
        this.keys = keys;
        this.configuredKey = configuredKey;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureAdminKey(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext)) {
            return;
        }
        if (!configuredKey.isBlank()) {
            keys.ensureAdminKey(configuredKey.strip());
            return;
        }
        if (keys.anyAdmin()) {
            return;
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String secret = "ok_" + HexFormat.of().formatHex(random);
        keys.ensureAdminKey(secret);
        terminal.println();
        terminal.println("  First start: an admin API key was created. It is shown only this once; keep it safe.");
        terminal.println("    ORDERKEEP_ADMIN_KEY=" + secret);
        terminal.println();
    }
}
