package io.orderkeep.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoEnvironmentTest {

    @Test
    void theShellsOrderkeepVariablesDoNotReachTheDemo() {
        var shell = Map.of("ORDERKEEP_KAFKA_ENABLED", "true", "ORDERKEEP_LOG_FORMAT", "json",
                "orderkeep.mail.host", "smtp.example.com", "PATH", "/usr/bin", "HOME", "/home/li");

        var environment = DemoEnvironment.isolated(shell);

        assertThat(environment.getProperty("orderkeep.kafka.enabled")).isNull();
        assertThat(environment.getProperty("orderkeep.log-format")).isNull();
        assertThat(environment.getProperty("orderkeep.mail.host")).isNull();
        assertThat(environment.getProperty("PATH")).isEqualTo("/usr/bin");
        assertThat(environment.getProperty("home")).as("relaxed binding still works for the rest").isEqualTo("/home/li");
    }

    @Test
    void withoutIsolationTheyWould() {
        var environment = new org.springframework.core.env.StandardEnvironment();
        environment.getPropertySources().replace("systemEnvironment",
                new org.springframework.core.env.SystemEnvironmentPropertySource("systemEnvironment",
                        Map.of("ORDERKEEP_KAFKA_ENABLED", "true")));

        assertThat(environment.getProperty("orderkeep.kafka.enabled")).isEqualTo("true");
    }
}
