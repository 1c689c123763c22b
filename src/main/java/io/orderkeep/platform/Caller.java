package io.orderkeep.platform;

import java.util.Arrays;
import java.util.Objects;

/**
 * Who is making the current request: an API key (its id, never the key), a console user, a provider, or the
 * system itself. A merchant caller carries its merchant; the others see every merchant.
 *
 * @param kind what sort of actor this is, as the audit trail names it
 * @param id the key id, user name or provider name
 * @param role what it may do
 * @param merchantId the merchant it is bound to, only for {@link Role#MERCHANT}
 */
public record Caller(Kind kind, String id, Role role, String merchantId) {

    public enum Kind { KEY, USER, PROVIDER, SYSTEM, CUSTOMER }

    /** The request attribute under which authentication leaves the caller for the handlers. */
    public static final String ATTRIBUTE = Caller.class.getName();

    public Caller {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        if (role == Role.MERCHANT && merchantId == null) {
            throw new IllegalArgumentException("a merchant caller needs its merchant id");
        }
    }

    public static final Caller SYSTEM = new Caller(Kind.SYSTEM, "system", Role.ADMIN, null);

    public static Caller provider(String provider) {
        return new Caller(Kind.PROVIDER, provider, Role.OPERATOR, null);
    }

    /** The actor as the audit trail and order history write it: {@code key:key_…}, {@code system}, … */
    public String actor() {
        return kind == Kind.SYSTEM ? "system" : kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
    }

    /** Throws 403 {@code forbidden} unless this caller has one of the roles. */
    public Caller require(Role... allowed) {
        if (Arrays.asList(allowed).contains(role)) {
            return this;
        }
        throw ApiException.forbidden();
    }

    /** Whether this caller may see {@code merchantId}'s resources; others get 404, so existence is not leaked. */
    public boolean canSee(String merchantId) {
        return role != Role.MERCHANT || this.merchantId.equals(merchantId);
    }

    /** Whether this caller may read customer contact data unmasked. */
    public boolean seesContactData() {
        return role == Role.ADMIN || role == Role.OPERATOR || role == Role.MERCHANT;
    }
}
