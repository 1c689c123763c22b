package io.orderkeep.console;

import io.orderkeep.platform.Caller;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The signed-in console user as a {@link Caller} ({@code Kind.USER}, the user's name, role and merchant). Console
 * security puts it on every authenticated {@code /console} request, so a controller can simply declare a
 * {@code Caller} parameter (the platform's argument resolver hands it over) and templates read {@code ${caller}}.
 * This is for code that has only the request.
 */
public final class ConsoleCaller {

    private ConsoleCaller() {}

    /** The request's console caller; only absent on pages open to everyone (login, assets). */
    public static java.util.Optional<Caller> of(HttpServletRequest request) {
        return request.getAttribute(Caller.ATTRIBUTE) instanceof Caller caller
                && caller.kind() == Caller.Kind.USER ? java.util.Optional.of(caller) : java.util.Optional.empty();
    }
}
