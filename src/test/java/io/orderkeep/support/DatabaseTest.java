package io.orderkeep.support;

import io.orderkeep.Orderkeep;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test against the whole application on a real database and a real HTTP port. Maven runs it twice: on a fresh
 * SQLite file, and (the {@code db} tag) on a fresh PostgreSQL database that the run creates and drops.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("db")
@SpringBootTest(classes = Orderkeep.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
public @interface DatabaseTest {}
