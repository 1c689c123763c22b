package io.orderkeep.reconcile.web;

import io.orderkeep.platform.ApiException;
import io.orderkeep.platform.Caller;
import io.orderkeep.platform.Page;
import io.orderkeep.platform.Role;
import io.orderkeep.reconcile.internal.Resolutions;
import io.orderkeep.reconcile.internal.RunRowsView;
import io.orderkeep.reconcile.internal.RunService;
import io.orderkeep.reconcile.Reconciliations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** API.md "Reconciliation": start runs, watch them, list and resolve their discrepancies. */
@RestController
class ReconciliationsController {

    record FetchRequest(String provider, String date, Boolean dryRun) {}

    record ResolveRequest(String action, String reason) {}

    private final RunService runs;
    private final RunRowsView view;
    private final Resolutions resolutions;

    ReconciliationsController(RunService runs, RunRowsView view, Resolutions resolutions) {
        this.runs = runs;
        this.view = view;
        this.resolutions = resolutions;
    }

    @PostMapping(path = "/api/v1/reconciliations", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> upload(Caller caller, @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String provider, @RequestParam(required = false) Boolean dryRun,
            @RequestParam(required = false) String date) {
        caller.require(Role.ADMIN, Role.OPERATOR);
        if (file == null || file.isEmpty()) {
            throw ApiException.validation("file", "is required");
        }
        try {
            return RunViews.run(runs.submit(required(provider), file.getInputStream(), day(date),
                    Boolean.TRUE.equals(dryRun), caller.actor(), false, Reconciliations.Progress.NONE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PostMapping(path = "/api/v1/reconciliations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> fetch(Caller caller, @RequestBody FetchRequest request) {
        caller.require(Role.ADMIN, Role.OPERATOR);
        LocalDate day = day(request.date());
        if (day == null) {
            throw ApiException.validation("date", "is required");
        }
        return RunViews.run(runs.fetch(required(request.provider()), day, Boolean.TRUE.equals(request.dryRun()),
                caller.actor(), false));
    }

    @GetMapping("/api/v1/reconciliations/{id}")
    Map<String, Object> get(Caller caller, @PathVariable String id) {
        caller.require(Role.ADMIN, Role.OPERATOR, Role.AUDITOR);
        return RunViews.run(view.run(id));
    }

    @GetMapping("/api/v1/reconciliations/{id}/discrepancies")
    Page<Map<String, Object>> discrepancies(Caller caller, @PathVariable String id,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String resolution,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        caller.require(Role.ADMIN, Role.OPERATOR, Role.AUDITOR);
        return view.discrepancies(id, blankToNull(kind), blankToNull(resolution), Page.limit(limit), cursor)
                .map(RunViews::discrepancy);
    }

    @PostMapping("/api/v1/discrepancies/{id}/resolve")
    Map<String, Object> resolve(Caller caller, @PathVariable String id, @RequestBody ResolveRequest request) {
        caller.require(Role.ADMIN, Role.OPERATOR);
        Resolutions.Action action;
        try {
            action = Resolutions.Action.valueOf(String.valueOf(request.action()));
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("action", "must be REPAIR, REFUND or IGNORE");
        }
        return RunViews.discrepancy(resolutions.resolve(id, action, request.reason(), caller.actor()));
    }

    private static String required(String provider) {
        if (provider == null || provider.isBlank()) {
            throw ApiException.validation("provider", "is required");
        }
        return provider;
    }

    private static LocalDate day(String date) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw ApiException.validation("date", "must be a date like 2026-11-21");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
