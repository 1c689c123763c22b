package io.orderkeep.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderkeep.support.Api;
import io.orderkeep.support.DatabaseTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@DatabaseTest
class KeysHttpTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
    }

    @Test
    void missingOrUnknownKeyIsUnauthenticated() {
        assertThat(api.get("/api/v1/keys").code()).isEqualTo("unauthenticated");
        assertThat(api.as("ok_nope").get("/api/v1/keys").status()).isEqualTo(401);
    }

    @Test
    void createdKeyIsShownOnceWorksAndStopsWorkingWhenRevoked() {
        api.asAdmin().post("/api/v1/merchants", Map.of("id", "m_keys", "name", "Keys Tea"));
        var created = api.asAdmin().post("/api/v1/keys", Map.of("role", "merchant", "merchantId", "m_keys", "name", "shop"));
        assertThat(created.status()).isEqualTo(201);
        String secret = created.json().path("key").asString();
        String id = created.json().path("id").asString();
        assertThat(id).startsWith("key_");
        assertThat(secret).startsWith("ok_");

        assertThat(api.asAdmin().get("/api/v1/keys").body()).doesNotContain(secret);
        assertThat(api.as(secret).get("/api/v1/merchants/m_keys").status()).isEqualTo(200);
        assertThat(api.as(secret).get("/api/v1/keys").code()).isEqualTo("forbidden");

        assertThat(api.asAdmin().delete("/api/v1/keys/" + id).status()).isEqualTo(204);
        assertThat(api.as(secret).get("/api/v1/merchants/m_keys").status()).isEqualTo(401);
    }

    @Test
    void merchantKeyNeedsAKnownMerchant() {
        var response = api.asAdmin().post("/api/v1/keys", Map.of("role", "merchant", "merchantId", "m_missing"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("merchantId");
    }

    @Test
    void merchantKeySeesOnlyItsOwnMerchant() {
        api.asAdmin().post("/api/v1/merchants", Map.of("id", "m_one", "name", "One"));
        api.asAdmin().post("/api/v1/merchants", Map.of("id", "m_two", "name", "Two"));
        String one = api.asAdmin().post("/api/v1/keys", Map.of("role", "merchant", "merchantId", "m_one"))
                .json().path("key").asString();
        assertThat(api.as(one).get("/api/v1/merchants/m_two").code()).isEqualTo("not_found");
        assertThat(api.as(one).get("/api/v1/merchants").json().path("data")).hasSize(1);
    }
}
