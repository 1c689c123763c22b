package io.orderkeep.cli.demo;

import io.orderkeep.access.ConsoleUsers;
import io.orderkeep.platform.Role;
import org.springframework.context.ApplicationContext;

/**
 * The console login the demo prints beside the console's URL: an operator {@code demo} with a fresh random password,
 * created in the demo's own database (a new one each run), so nothing of a real installation is touched.
 */
public final class DemoConsoleLogin {

    /** A user name and password for {@code /console}. */
    public record Login(String user, String password) {}

    static final String USER = "demo";

    private DemoConsoleLogin() {}

    /** Creates the demo's operator login through {@link ConsoleUsers}, audited as the system. */
    public static Login create(ApplicationContext orderkeep) {
        var users = orderkeep.getBean(ConsoleUsers.class);
        String password = ConsoleUsers.generatePassword();
        users.create(USER, password, Role.OPERATOR, null, "system");
        return new Login(USER, password);
    }
}
