package io.orderkeep.platform;

import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;

/**
 * The one place that turns errors into RFC 9457 problem details. Nothing internal (stack traces, SQL, class
 * names) reaches a client; what was unexpected is logged here with the request's path.
 */
@RestControllerAdvice
class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> api(ApiException e) {
        return Problems.entity(e);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof ApiException api) {
            return Problems.entity(api);
        }
        if (cause instanceof DatabindException bind && !(cause instanceof StreamReadException)
                && !bind.getPath().isEmpty()) {
            String field = path(bind.getPath());
            return Problems.entity(ApiException.validation(field, "has the wrong type or format"));
        }
        if (cause instanceof JacksonException || e.getMessage() != null) {
            return Problems.entity(ApiException.malformed("The request body is not valid JSON."));
        }
        return Problems.entity(ApiException.malformed("The request body is missing or unreadable."));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<Object> missingHeader(MissingRequestHeaderException e) {
        return Problems.entity(ApiException.validation(e.getHeaderName(), "header is required"));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Object> missingParameter(MissingServletRequestParameterException e) {
        return Problems.entity(ApiException.validation(e.getParameterName(), "is required"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        return Problems.entity(ApiException.validation(e.getName(), "has the wrong type or format"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Object> method(HttpRequestMethodNotSupportedException e) {
        return Problems.entity(new ApiException(405, "method_not_allowed", "Method not allowed",
                "This resource does not support " + e.getMethod() + "."));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Object> mediaType(HttpMediaTypeNotSupportedException e) {
        return Problems.entity(new ApiException(415, "unsupported_media_type", "Unsupported media type",
                "Send the body as application/json."));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Object> noResource(NoResourceFoundException e) {
        return Problems.entity(ApiException.notFound("There is nothing at this path."));
    }

    /**
     * The client went away (a browser closed its live stream, a receiver hung up): nobody is left to answer, and it
     * is no error of ours, so there is nothing to log beyond a debug line.
     */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone(AsyncRequestNotUsableException e) {
        log.debug("client disconnected: {}", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        if (StorageFailures.isUnavailable(e)) {
            log.warn("storage unavailable: {}", e.getClass().getSimpleName());
            return Problems.entity(StorageFailures.problem());
        }
        log.error("unexpected error", e);
        return Problems.entity(new ApiException(500, "internal_error", "Internal error",
                "Something went wrong on our side; it has been logged."));
    }

    private static String path(List<JacksonException.Reference> references) {
        return references.stream()
                .map(r -> r.getPropertyName() != null ? "." + r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }
}
