package io.orderkeep.cli.demo;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.web.context.support.StandardServletEnvironment;

/**
 * The environment the demo's Orderkeep starts with: the shell's variables without any {@code ORDERKEEP_*} one. The
 * demo sets only the settings it needs on the command line; anything else a shell exports for a real deployment
 * (Kafka, mail, JSON logs, alerts …) would otherwise reach the demo's Orderkeep through Spring's relaxed binding.
 */
final class DemoEnvironment {

    private DemoEnvironment() {}

    static ConfigurableEnvironment isolated(Map<String, ?> variables) {
        var environment = new StandardServletEnvironment();
        var kept = new LinkedHashMap<String, Object>();
        variables.forEach((name, value) -> {
            if (!isOrderkeeps(name)) {
                kept.put(name, value);
            }
        });
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, kept));
        return environment;
    }

    /** {@code ORDERKEEP_KAFKA_ENABLED}, and the rarer spellings relaxed binding also reads ({@code orderkeep.x}). */
    static boolean isOrderkeeps(String variable) {
        String name = variable.toUpperCase(Locale.ROOT);
        return name.startsWith("ORDERKEEP_") || name.startsWith("ORDERKEEP.") || name.startsWith("ORDERKEEP-");
    }
}
