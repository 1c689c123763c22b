package io.orderkeep.delivery.web;

import io.orderkeep.platform.Page;
import io.orderkeep.delivery.webhook.WebhookEndpoint;
import io.orderkeep.delivery.webhook.WebhookEndpoints;
import io.orderkeep.platform.ApiException;
import io.orderkeep.platform.Caller;
import io.orderkeep.platform.Role;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/webhook-endpoints}: a merchant key manages its own merchant's endpoints; admin and operator name
 * the merchant; an auditor only reads. Another merchant's endpoint is 404.
 */
@RestController
@RequestMapping("/api/v1/webhook-endpoints")
class WebhookEndpointsController {

    private final WebhookEndpoints endpoints;

    WebhookEndpointsController(WebhookEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    record CreateEndpoint(String merchantId, String url, List<String> events, String description) {}

    @PostMapping
    ResponseEntity<Map<String, Object>> create(Caller caller, @RequestBody CreateEndpoint body) {
        caller.require(Role.ADMIN, Role.OPERATOR, Role.MERCHANT);
        String merchantId = Scopes.merchantOf(caller, body.merchantId());
        var created = endpoints.create(merchantId, body.url(), body.events(), body.description(), caller.actor());
        return ResponseEntity.created(URI.create("/api/v1/webhook-endpoints/" + created.endpoint().id()))
                .body(withSecret(created));
    }

    @GetMapping
    Page<?> list(Caller caller, @RequestParam(required = false) String merchantId) {
        return new Page<>(endpoints.list(Scopes.filterOf(caller, merchantId)), null);
    }

    @GetMapping("/{id}")
    WebhookEndpoint get(Caller caller, @PathVariable String id) {
        return visible(caller, id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String id) {
        caller.require(Role.ADMIN, Role.OPERATOR, Role.MERCHANT);
        visible(caller, id);
        endpoints.delete(id, caller.actor());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/rotate-secret")
    Map<String, Object> rotate(Caller caller, @PathVariable String id) {
        caller.require(Role.ADMIN, Role.OPERATOR, Role.MERCHANT);
        visible(caller, id);
        return withSecret(endpoints.rotate(id, caller.actor()));
    }

    private WebhookEndpoint visible(Caller caller, String id) {
        return endpoints.find(id)
                .filter(endpoint -> caller.canSee(endpoint.merchantId()))
                .orElseThrow(() -> ApiException.notFound("Webhook endpoint", id));
    }

    private static Map<String, Object> withSecret(WebhookEndpoints.WithSecret created) {
        WebhookEndpoint e = created.endpoint();
        var view = new LinkedHashMap<String, Object>();
        view.put("id", e.id());
        view.put("merchantId", e.merchantId());
        view.put("url", e.url());
        view.put("events", e.events());
        view.put("description", e.description());
        view.put("status", e.status());
        view.put("disabledReason", e.disabledReason());
        view.put("disabledAt", e.disabledAt());
        view.put("previousSecretUntil", e.previousSecretUntil());
        view.put("createdAt", e.createdAt());
        view.put("updatedAt", e.updatedAt());
        view.put("secret", created.secret());
        return view;
    }
}
