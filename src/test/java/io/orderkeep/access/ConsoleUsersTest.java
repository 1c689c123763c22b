package io.orderkeep.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderkeep.platform.ApiException;
import io.orderkeep.platform.Caller;
import io.orderkeep.platform.Role;
import io.orderkeep.support.DatabaseTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@DatabaseTest
class ConsoleUsersTest {

    static final String PASSWORD = "a long enough passphrase";

    @Autowired
    ConsoleUsers users;

    @Autowired
    Merchants merchants;

    @Autowired
    JdbcClient jdbc;

    static String name() {
        return "u-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void createdUserAuthenticatesAsAUserCallerWithItsRoleAndMerchant() {
        merchants.create("m_users", "Users Tea", "en", "UTC", "test");
        String name = name();
        var user = users.create(name, PASSWORD, Role.MERCHANT, "m_users", "user:admin");
        assertThat(user.role()).isEqualTo(Role.MERCHANT);
        assertThat(users.authenticate(name, PASSWORD))
                .contains(new Caller(Caller.Kind.USER, name, Role.MERCHANT, "m_users"));
        assertThat(users.authenticate(name, PASSWORD).orElseThrow().actor()).isEqualTo("user:" + name);
        assertThat(users.authenticate(name, "a wrong passphrase")).isEmpty();
        assertThat(users.authenticate("nobody-" + name, PASSWORD)).isEmpty();
    }

    @Test
    void storesOnlyAnArgon2idHash() {
        String name = name();
        users.create(name, PASSWORD, Role.OPERATOR, null, "cli");
        String hash = jdbc.sql("SELECT password_hash FROM console_users WHERE username = ?").param(name)
                .query(String.class).single();
        assertThat(hash).startsWith("$argon2id$").doesNotContain(PASSWORD);
    }

    @Test
    void disabledUserNoLongerAuthenticatesAndEveryChangeIsAudited() {
        String name = name();
        users.create(name, PASSWORD, Role.AUDITOR, null, "cli");
        users.changePassword(name, "another long passphrase", "user:admin");
        assertThat(users.authenticate(name, PASSWORD)).isEmpty();
        assertThat(users.authenticate(name, "another long passphrase")).isPresent();
        users.disable(name, "user:admin");
        assertThat(users.authenticate(name, "another long passphrase")).isEmpty();
        assertThat(users.find(name).orElseThrow().disabled()).isTrue();
        assertThat(jdbc.sql("SELECT actor || ' ' || action FROM audit_entries WHERE target_id = ? ORDER BY seq")
                .param(name).query(String.class).list())
                .containsExactly("cli user.created", "user:admin user.password_changed", "user:admin user.disabled");
        assertThatThrownBy(() -> users.disable(name, "cli"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void refusesBadNamesShortPasswordsTakenNamesAndMisplacedMerchants() {
        String name = name();
        users.create(name, PASSWORD, Role.OPERATOR, null, "cli");
        assertThatThrownBy(() -> users.create(name, PASSWORD, Role.OPERATOR, null, "cli"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("user_exists"));
        assertThatThrownBy(() -> users.create("has space", PASSWORD, Role.OPERATOR, null, "cli"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors().getFirst().field()).isEqualTo("username"));
        assertThatThrownBy(() -> users.create(name(), "short", Role.OPERATOR, null, "cli"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors().getFirst().field()).isEqualTo("password"));
        assertThatThrownBy(() -> users.create(name(), PASSWORD, Role.MERCHANT, null, "cli"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors().getFirst().field()).isEqualTo("merchantId"));
        assertThatThrownBy(() -> users.create(name(), PASSWORD, Role.OPERATOR, "m_users", "cli"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors().getFirst().field()).isEqualTo("merchantId"));
    }

    @Test
    void guessingIsSlowedDownPerUserName() {
        String name = name();
        users.create(name, PASSWORD, Role.OPERATOR, null, "cli");
        for (int i = 0; i < 10; i++) {
            assertThat(users.authenticate(name, "guess number " + i)).isEmpty();
        }
        assertThat(users.authenticate(name, PASSWORD)).as("even the right password, until the bucket refills").isEmpty();
        String other = name();
        users.create(other, PASSWORD, Role.OPERATOR, null, "cli");
        assertThat(users.authenticate(other, PASSWORD)).as("other names are not held back").isPresent();
    }
}
