package io.orderkeep.cli.demo;

import java.util.Optional;
import org.springframework.context.ApplicationContext;

/**
 * The console login the demo prints beside the console's URL. Console users belong to the {@code access} module's
 * {@code ConsoleUsers} (being built on the console branch); until it is merged there is nobody to create, and the
 * demo says so instead of printing a login that would not work.
 */
public final class DemoConsoleLogin {

    /** A user name and password for {@code /console}. */
    public record Login(String user, String password) {}

    private DemoConsoleLogin() {}

    /**
     * Creates an operator login for this demo's console, or answers empty when console users do not exist yet.
     * Wire to {@code ConsoleUsers.create(...)} at merge: a user {@code demo} with a random password, role operator.
     */
    public static Optional<Login> create(ApplicationContext orderkeep) {
        return Optional.empty();
    }
}
