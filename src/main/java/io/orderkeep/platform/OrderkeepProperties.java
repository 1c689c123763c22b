package io.orderkeep.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings every module shares, bound from {@code orderkeep.*} (and so from {@code ORDERKEEP_*} variables).
 *
 * @param dataDir where the embedded database and other local files live
 * @param publicUrl the base URL that tracking links and provider notify URLs use; defaults to localhost and the port
 * @param db the database; the embedded SQLite file in {@code dataDir} when no URL is given
 */
@ConfigurationProperties("orderkeep")
public record OrderkeepProperties(@DefaultValue("./data") Path dataDir, String publicUrl, @DefaultValue Db db) {

    public record Db(String url, String user, String password, @DefaultValue("10") int poolSize) {}

    public String jdbcUrl() {
        if (db.url() != null && !db.url().isBlank()) {
            return db.url();
        }
        return "jdbc:sqlite:" + dataDir.resolve("orderkeep.db");
    }
}
