package io.orderkeep.access.web;

import io.orderkeep.platform.Page;
import io.orderkeep.access.ApiKey;
import io.orderkeep.access.ApiKeys;
import io.orderkeep.platform.ApiException;
import io.orderkeep.platform.Caller;
import io.orderkeep.platform.Role;
import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/keys")
class KeysController {

    private final ApiKeys keys;

    KeysController(ApiKeys keys) {
        this.keys = keys;
    }

    record CreateKey(String role, String merchantId, String name) {}

    @PostMapping
    ResponseEntity<Map<String, Object>> create(Caller caller, @RequestBody CreateKey body) {
        caller.require(Role.ADMIN);
        Role role;
        try {
            role = body.role() == null ? null : Role.fromWire(body.role());
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("role", "must be one of admin, operator, merchant, auditor");
        }
        var created = keys.create(role, body.merchantId(), body.name(), caller.actor());
        var response = view(created.key());
        response.put("key", created.secret());
        return ResponseEntity.created(URI.create("/api/v1/keys/" + created.key().id())).body(response);
    }

    @GetMapping
    Page<Map<String, Object>> list(Caller caller) {
        caller.require(Role.ADMIN);
        return new Page<>(keys.list().stream().map(KeysController::view).toList(), null);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(Caller caller, @PathVariable String id) {
        caller.require(Role.ADMIN);
        keys.revoke(id, caller.actor());
        return ResponseEntity.noContent().build();
    }

    private static Map<String, Object> view(ApiKey key) {
        var view = new java.util.LinkedHashMap<String, Object>();
        view.put("id", key.id());
        view.put("name", key.name());
        view.put("role", key.role().wireName());
        view.put("merchantId", key.merchantId());
        view.put("prefix", key.prefix());
        view.put("createdAt", key.createdAt());
        view.put("revokedAt", key.revokedAt());
        return view;
    }
}
