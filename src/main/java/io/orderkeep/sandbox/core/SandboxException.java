package io.orderkeep.sandbox.core;

import java.util.List;
import java.util.Map;

/**
 * A request the sandbox refuses, written at the edge as {@code application/problem+json} with a stable {@code code},
 * in the same shape as Orderkeep's own problems.
 */
public class SandboxException extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions;

    public record FieldError(String field, String message) {}

    public SandboxException(int status, String code, String title, String detail, List<FieldError> errors,
            Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.extensions = Map.copyOf(extensions);
    }

    public int status() { return status; }
    public String code() { return code; }
    public String title() { return title; }
    public List<FieldError> errors() { return errors; }
    public Map<String, Object> extensions() { return extensions; }

    public static SandboxException validation(List<FieldError> errors) {
        return new SandboxException(400, "validation_failed", "Validation failed",
                "The request has " + errors.size() + " invalid field" + (errors.size() == 1 ? "" : "s") + ".",
                errors, Map.of());
    }

    public static SandboxException validation(String field, String message) {
        return validation(List.of(new FieldError(field, message)));
    }

    public static SandboxException malformed(String detail) {
        return new SandboxException(400, "malformed_request", "Malformed request", detail, List.of(), Map.of());
    }

    public static SandboxException notFound(String detail) {
        return new SandboxException(404, "not_found", "Not found", detail, List.of(), Map.of());
    }

    /** A conflict with the payment's current state; the body carries that state so the caller learns it. */
    public static SandboxException conflict(String code, String detail, Payment payment) {
        return new SandboxException(409, code, "Conflict", detail, List.of(),
                Map.of("providerRef", payment.providerRef(), "status", payment.status().name()));
    }

    public static SandboxException conflict(String code, String detail) {
        return new SandboxException(409, code, "Conflict", detail, List.of(), Map.of());
    }
}
