package io.orderkeep.access;

import io.orderkeep.platform.Caller;
import io.orderkeep.platform.Role;
import java.time.Instant;

/** A person who signs in to the console. The password hash never leaves {@link ConsoleUsers}. */
public record ConsoleUser(String username, Role role, String merchantId, Instant createdAt,
        Instant passwordChangedAt, Instant disabledAt) {

    public boolean disabled() {
        return disabledAt != null;
    }

    /** The caller that this user's console requests run as: the audit trail names it {@code user:NAME}. */
    public Caller caller() {
        return new Caller(Caller.Kind.USER, username, role, merchantId);
    }
}
