package io.orderkeep.delivery.webhook;

import io.orderkeep.order.domain.EventType;
import io.orderkeep.platform.ApiException;
import io.orderkeep.platform.ApiException.FieldError;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** What a webhook endpoint may be: an absolute http(s) URL, known event types or {@code *}, a short description. */
final class EndpointRules {

    static final Set<String> WIRE_NAMES = Arrays.stream(EventType.values()).map(EventType::wireName)
            .collect(Collectors.toUnmodifiableSet());

    private EndpointRules() {}

    static void check(String url, List<String> events, String description) {
        var errors = new ArrayList<FieldError>();
        String urlProblem = urlProblem(url);
        if (urlProblem != null) {
            errors.add(new FieldError("url", urlProblem));
        }
        if (events == null || events.isEmpty()) {
            errors.add(new FieldError("events", "is required: event types such as order.paid, or [\"*\"] for all"));
        } else if (events.contains("*") && events.size() > 1) {
            errors.add(new FieldError("events", "\"*\" means every event and stands alone"));
        } else {
            for (int i = 0; i < events.size(); i++) {
                String type = events.get(i);
                if (type == null || !(type.equals("*") || WIRE_NAMES.contains(type))) {
                    errors.add(new FieldError("events[" + i + "]", "is not an event type (e.g. order.paid)"));
                }
            }
        }
        if (description != null && description.length() > 500) {
            errors.add(new FieldError("description", "is at most 500 characters"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
    }

    private static String urlProblem(String url) {
        if (url == null || url.isBlank()) {
            return "is required";
        }
        if (url.length() > 2048) {
            return "is at most 2048 characters";
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return "must be an absolute http or https URL";
            }
            if (uri.getUserInfo() != null) {
                return "must not carry credentials";
            }
            return null;
        } catch (URISyntaxException e) {
            return "is not a valid URL";
        }
    }
}
