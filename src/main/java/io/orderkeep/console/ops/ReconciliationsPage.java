package io.orderkeep.console.ops;

import io.orderkeep.console.ConsoleProblems;
import io.orderkeep.payment.ProviderRejected;
import io.orderkeep.payment.ProviderUnavailable;
import io.orderkeep.platform.ApiException;
import io.orderkeep.platform.Caller;
import io.orderkeep.platform.Role;
import io.orderkeep.reconcile.Discrepancies;
import io.orderkeep.reconcile.Reconciliations;
import io.orderkeep.reconcile.RunSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /console/reconciliations}: start a run from an uploaded file or the provider's file of a day, watch its
 * progress (the page polls {@code /progress} until the run ends), then its counts, chart and discrepancies. The
 * rules of {@code /api/v1/reconciliations}: admin and operator start runs and resolve, an auditor only reads.
 */
@Controller
@RequestMapping("/console")
class ReconciliationsPage {

    static final List<String> KINDS = List.of("MATCHED", "MISSING_LOCAL", "MISSING_AT_PROVIDER", "AMOUNT_MISMATCH",
            "STATUS_MISMATCH", "DUPLICATE_PAYMENT", "INVALID_ROW");
    static final List<String> PROVIDERS = List.of("sandbox");
    /** A discrepancy's resolutions, as the filter offers them: REFUNDING is a refund asked but not yet answered. */
    static final List<String> RESOLUTIONS = List.of("NEEDS_REVIEW", "REFUNDING", "AUTO_REPAIRED", "REPAIRED",
            "REFUNDED", "DISMISSED", "IGNORED");

    private final Reconciliations reconciliations;
    private final Discrepancies discrepancies;
    private final MessageSource messages;
    private final ConsoleProblems problems;

    ReconciliationsPage(Reconciliations reconciliations, Discrepancies discrepancies, MessageSource messages,
            ConsoleProblems problems) {
        this.problems = problems;
        this.reconciliations = reconciliations;
        this.discrepancies = discrepancies;
        this.messages = messages;
    }

    @GetMapping({"/reconciliations", "/reconciliation"})
    String start(Caller caller, Model model) {
        caller.require(Role.ADMIN, Role.OPERATOR, Role.AUDITOR);
        model.addAttribute("providers", PROVIDERS);
        model.addAttribute("canStart", caller.role() != Role.AUDITOR);
        return "console/reconciliations";
    }

    /** An upload: the run starts in the background and the browser goes to its page, which shows its progress. */
    @PostMapping("/reconciliations/upload")
    String upload(Caller caller, @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "sandbox") String provider, @RequestParam(required = false) String date,
            @RequestParam(required = false) Boolean dryRun) {
        caller.require(Role.ADMIN, Role.OPERATOR);
        if (file == null || file.isEmpty()) {
            throw ApiException.validation("file", "is required");
        }
        Path copy = null;
        try (InputStream in = file.getInputStream()) {
            copy = Files.createTempFile("orderkeep-upload", ".csv");
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            RunSummary run = reconciliations.submit(provider, copy, day(date), Boolean.TRUE.equals(dryRun),
                    caller.actor(), false, Reconciliations.Progress.NONE);
            return "redirect:/console/reconciliations/" + run.id();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(copy);
        }
    }

    @PostMapping("/reconciliations/fetch")
    String fetch(Caller caller, @RequestParam(defaultValue = "sandbox") String provider,
            @RequestParam(required = false) String date, @RequestParam(required = false) Boolean dryRun) {
        caller.require(Role.ADMIN, Role.OPERATOR);
        LocalDate day = day(date);
        if (day == null) {
            throw ApiException.validation("date", "is required");
        }
        RunSummary run = reconciliations.fetch(provider, day, Boolean.TRUE.equals(dryRun), caller.actor(), false);
        return "redirect:/console/reconciliations/" + run.id();
    }

    @GetMapping("/reconciliations/open")
    String open(Caller caller, @RequestParam(required = false) String id) {
        caller.require(Role.ADMIN, Role.OPERATOR, Role.AUDITOR);
        return "redirect:/console/reconciliations/" + find(String.valueOf(Forms.blankToNull(id))).id();
    }

    @GetMapping("/reconciliations/{id}")
    String run(Caller caller, Model model, @PathVariable String id,
            @RequestParam(required = false) String resolution, @RequestParam(required = false) String cursor) {
        caller.require(Role.ADMIN, Role.OPERATOR, Role.AUDITOR);
        fill(caller, model, find(id), resolution == null ? "NEEDS_REVIEW" : Forms.blankToNull(resolution), cursor);
        return "console/reconciliation";
    }

    /** What the progress bar polls: the bar again while the run goes on, then its results in the bar's place. */
    @GetMapping("/reconciliations/{id}/progress")
    String progress(Caller caller, Model model, @PathVariable String id) {
        caller.require(Role.ADMIN, Role.OPERATOR, Role.AUDITOR);
        RunSummary run = find(id);
        fill(caller, model, run, "NEEDS_REVIEW", null);
        return "RUNNING".equals(run.status()) ? "console/reconciliation :: progress" : "console/reconciliation :: results";
    }

    /** An operator's decision on one discrepancy; the row comes back decided, or with what refused it. */
    @PostMapping("/discrepancies/{id}/resolve")
    String resolve(Caller caller, Model model, @PathVariable String id, @RequestParam(required = false) String action,
            @RequestParam(required = false) String reason) {
        caller.require(Role.ADMIN, Role.OPERATOR);
        model.addAttribute("canResolve", true);
        model.addAttribute("actions", Discrepancies.Action.values());
        try {
            model.addAttribute("x", discrepancies.resolve(id, action(action), reason, caller.actor()));
            return "console/reconciliation :: discrepancy";
        } catch (ApiException e) {
            model.addAttribute("error", problems.describe(e));
        } catch (ProviderUnavailable e) {
            // A refund calls the provider. Whatever its answer, the row shows where it now stands (REFUNDING after
            // no clear answer) with a way to try again: never an error page.
            model.addAttribute("error", problems.text("unavailable"));
        } catch (ProviderRejected e) {
            model.addAttribute("error", problems.text("refund_refused"));
        }
        model.addAttribute("x", discrepancies.find(id).orElseThrow(() -> ApiException.notFound("Discrepancy", id)));
        return "console/reconciliation :: discrepancy";
    }

    /** The chart of a run's counts, as the ECharts option that console.js draws; kinds named in the reader's language. */
    @GetMapping(path = "/reconciliations/{id}/chart.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> chart(Caller caller, @PathVariable String id, Locale locale) {
        caller.require(Role.ADMIN, Role.OPERATOR, Role.AUDITOR);
        RunSummary run = find(id);
        List<String> names = KINDS.stream().map(kind -> messages.getMessage("rec.kind." + kind, null, locale)).toList();
        List<Long> values = KINDS.stream().map(run::count).toList();
        return Map.of(
                "grid", Map.of("containLabel", false, "left", 160, "right", 48, "top", 16, "bottom", 32),
                "tooltip", Map.of("trigger", "axis"),
                "xAxis", Map.of("type", "value", "minInterval", 1),
                "yAxis", Map.of("type", "category", "data", names, "inverse", true),
                "series", List.of(Map.of("type", "bar", "data", values, "name",
                        messages.getMessage("rec.counts", null, locale), "label", Map.of("show", true,
                        "position", "right"))));
    }

    private RunSummary find(String id) {
        return reconciliations.find(id).orElseThrow(() -> ApiException.notFound("Reconciliation", id));
    }

    private void fill(Caller caller, Model model, RunSummary run, String resolution, String cursor) {
        model.addAttribute("run", run);
        model.addAttribute("chart", true);
        model.addAttribute("resolution", resolution);
        model.addAttribute("discrepancies", discrepancies.list(run.id(), null, resolution, 100, cursor));
        model.addAttribute("actions", Discrepancies.Action.values());
        model.addAttribute("kinds", KINDS);
        model.addAttribute("resolutions", RESOLUTIONS);
        model.addAttribute("percent", run.rowsTotal() == 0 ? 0 : Math.min(100, run.rowsRead() * 100 / run.rowsTotal()));
        model.addAttribute("canResolve", caller.role() != Role.AUDITOR);
    }

    private static Discrepancies.Action action(String action) {
        try {
            return Discrepancies.Action.valueOf(String.valueOf(action));
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("action", "must be REPAIR, REFUND or IGNORE");
        }
    }

    private static LocalDate day(String date) {
        String given = Forms.blankToNull(date);
        if (given == null) {
            return null;
        }
        try {
            return LocalDate.parse(given);
        } catch (DateTimeParseException e) {
            throw ApiException.validation("date", "must be a date like 2026-11-21");
        }
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                path.toFile().deleteOnExit();
            }
        }
    }
}
