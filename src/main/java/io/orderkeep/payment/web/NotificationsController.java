package io.orderkeep.payment.web;

import io.orderkeep.payment.internal.Notifications;
import io.orderkeep.payment.internal.Providers;
import io.orderkeep.platform.ApiException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/providers/{provider}/notify}: no API key, the signature is the authentication. Answered as the
 * sandbox expects: 204 for anything verified (applied, duplicate or for an unknown payment), 401 for a bad signature.
 */
@RestController
class NotificationsController {

    private final Providers providers;
    private final Notifications notifications;

    NotificationsController(Providers providers, Notifications notifications) {
        this.providers = providers;
        this.notifications = notifications;
    }

    @PostMapping("/api/v1/providers/{provider}/notify")
    ResponseEntity<Void> notify(@PathVariable String provider, @RequestHeader HttpHeaders headers,
            @RequestBody(required = false) byte[] body) {
        var adapter = providers.find(provider).orElseThrow(() -> ApiException.notFound("Provider", provider));
        var received = notifications.receive(adapter, lowerCase(headers), body == null ? new byte[0] : body);
        if (received.verdict() == Notifications.Verdict.REJECTED) {
            throw new ApiException(401, "invalid_signature", "Invalid signature",
                    "The notification's signature or timestamp did not verify: " + received.reason() + ".");
        }
        return ResponseEntity.noContent().build();
    }

    /** Credentials a caller might send anyway are not kept with the notification in the audit trail. */
    private static Map<String, String> lowerCase(HttpHeaders headers) {
        var map = new TreeMap<String, String>();
        headers.forEach((name, values) -> {
            String key = name.toLowerCase(Locale.ROOT);
            if (!key.equals("authorization") && !key.equals("cookie")) {
                map.put(key, String.join(",", values));
            }
        });
        return map;
    }
}
