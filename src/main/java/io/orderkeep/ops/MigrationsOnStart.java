package io.orderkeep.ops;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Whether a start migrates the schema: {@code serve} does; {@code doctor} sets
 * {@code orderkeep.ops.migrate-on-start=false}, so that it reports pending migrations instead of applying them
 * (and a check it ran after migrating could never fail).
 */
@Configuration(proxyBeanMethods = false)
class MigrationsOnStart {

    @Bean
    @ConditionalOnProperty(name = "orderkeep.ops.migrate-on-start", havingValue = "false")
    FlywayMigrationStrategy leaveTheSchemaAlone() {
        return flyway -> { };
    }
}
