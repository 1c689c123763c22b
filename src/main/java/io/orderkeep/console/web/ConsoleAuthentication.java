package io.orderkeep.console.web;

import io.orderkeep.access.ConsoleUsers;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks a console login against {@link ConsoleUsers}. The principal is the user's name only: the role and merchant
 * are read again on every request ({@link ConsoleCallerFilter}), so a disabled user or a changed role takes effect
 * at once, not at the next login.
 */
@Component
class ConsoleAuthentication implements AuthenticationProvider {

    private final ConsoleUsers users;

    ConsoleAuthentication(ConsoleUsers users) {
        this.users = users;
    }

    @Override
    public Authentication authenticate(Authentication login) {
        String username = login.getName();
        String password = login.getCredentials() == null ? null : login.getCredentials().toString();
        var caller = users.authenticate(username, password)
                .orElseThrow(() -> new BadCredentialsException("wrong name or password"));
        users.signedIn(caller.id());
        return UsernamePasswordAuthenticationToken.authenticated(caller.id(), null,
                List.of(new SimpleGrantedAuthority("ROLE_" + caller.role().name())));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
