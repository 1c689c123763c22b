package io.orderkeep.platform;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the person who started Orderkeep where it listens and where its data is. {@code orderkeep demo} switches it
 * off ({@code orderkeep.listening-banner=false}): it prints its own addresses, and the terminal belongs to its status
 * line.
 */
@Component
@ConditionalOnProperty(name = "orderkeep.listening-banner", havingValue = "true", matchIfMissing = true)
class ListeningBanner {

    private final OrderkeepProperties properties;

    ListeningBanner(OrderkeepProperties properties) {
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        int port = web.getWebServer().getPort();
        String database = Dialect.of(properties.jdbcUrl()) == Dialect.SQLITE
                ? properties.jdbcUrl().substring("jdbc:sqlite:".length())
                : properties.jdbcUrl().replaceAll("//[^@/]*@", "//***@").replaceAll("password=[^&;]*", "password=***");
        System.out.println("Orderkeep is listening on http://localhost:" + port + "  (API /api/v1, docs /swagger-ui.html)");
        System.out.println("Database: " + database);
    }
}
