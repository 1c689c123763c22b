package io.orderkeep.platform;

import java.util.List;
import java.util.Map;

/**
 * An error a client caused or must know about, carried to the edge and written there as RFC 9457 problem details
 * with a stable {@code code}. Each module names its own errors by subclassing or through the factories here.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, String> headers;
    private final Map<String, Object> extensions;

    public record FieldError(String field, String message) {}

    public ApiException(int status, String code, String title, String detail) {
        this(status, code, title, detail, List.of(), Map.of(), Map.of());
    }

    public ApiException(int status, String code, String title, String detail, List<FieldError> errors,
            Map<String, String> headers, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
        this.extensions = Map.copyOf(extensions);
    }

    public int status() { return status; }
    public String code() { return code; }
    public String title() { return title; }
    public List<FieldError> errors() { return errors; }
    public Map<String, String> headers() { return headers; }
    public Map<String, Object> extensions() { return extensions; }

    public static ApiException unauthenticated() {
        return new ApiException(401, "unauthenticated", "Unauthenticated",
                "A valid API key is required: send it as 'Authorization: Bearer <key>'.");
    }

    public static ApiException forbidden() {
        return new ApiException(403, "forbidden", "Forbidden", "Your role does not allow this operation.");
    }

    public static ApiException notFound(String what, String id) {
        return new ApiException(404, "not_found", "Not found", what + " '" + id + "' does not exist.");
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "not_found", "Not found", detail);
    }

    public static ApiException malformed(String detail) {
        return new ApiException(400, "malformed_request", "Malformed request", detail);
    }

    public static ApiException validation(List<FieldError> errors) {
        return new ApiException(400, "validation_failed", "Validation failed",
                "The request has " + errors.size() + " invalid field" + (errors.size() == 1 ? "" : "s") + ".",
                errors, Map.of(), Map.of());
    }

    public static ApiException validation(String field, String message) {
        return validation(List.of(new FieldError(field, message)));
    }

    public static ApiException conflict(String code, String title, String detail) {
        return new ApiException(409, code, title, detail);
    }

    public static ApiException unavailable(String detail, int retryAfterSeconds) {
        return new ApiException(503, "unavailable", "Service unavailable", detail, List.of(),
                Map.of("Retry-After", Integer.toString(retryAfterSeconds)), Map.of());
    }
}
