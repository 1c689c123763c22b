package io.orderkeep;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Orderkeep: every order a customer submits is durably recorded, returned and kept consistent with the third
 * parties it passes through. The process starts in {@link io.orderkeep.cli.Main}; this class is the application
 * that {@code serve} and the other commands run.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class Orderkeep {}
