package io.orderkeep.reconcile.web;

import io.orderkeep.platform.Caller;
import io.orderkeep.platform.Role;
import io.orderkeep.reconcile.RunSummary;
import io.orderkeep.reconcile.internal.RunRowsView;
import io.orderkeep.reconcile.jdbc.StoredRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A run's discrepancies as JSON, CSV and a self-contained HTML page (counts and an inline SVG chart). */
@RestController
class ReportsController {

    private static final String CSV_HEADER =
            "id,line,kind,transaction_id,attempt_id,refund_id,order_id,amount,currency,resolution,suggestion,detail\n";

    private final RunRowsView view;

    ReportsController(RunRowsView view) {
        this.view = view;
    }

    @GetMapping("/api/v1/reconciliations/{id}/report.json")
    Map<String, Object> json(Caller caller, @PathVariable String id) {
        caller.require(Role.ADMIN, Role.OPERATOR, Role.AUDITOR);
        var body = new LinkedHashMap<String, Object>(RunViews.run(view.run(id)));
        List<Map<String, Object>> discrepancies = new ArrayList<>();
        view.each(id, row -> {
            if (!"MATCHED".equals(row.kind())) {
                discrepancies.add(RunViews.discrepancy(row));
            }
        });
        body.put("discrepancies", discrepancies);
        return body;
    }

    @GetMapping("/api/v1/reconciliations/{id}/report.csv")
    ResponseEntity<String> csv(Caller caller, @PathVariable String id) {
        caller.require(Role.ADMIN, Role.OPERATOR, Role.AUDITOR);
        view.run(id);
        var out = new StringBuilder(CSV_HEADER);
        view.each(id, row -> {
            if (!"MATCHED".equals(row.kind())) {
                out.append(csvLine(row));
            }
        });
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"" + id + ".csv\"").body(out.toString());
    }

    @GetMapping("/api/v1/reconciliations/{id}/report.html")
    ResponseEntity<String> html(Caller caller, @PathVariable String id) {
        caller.require(Role.ADMIN, Role.OPERATOR, Role.AUDITOR);
        RunSummary run = view.run(id);
        List<StoredRow> rows = new ArrayList<>();
        view.each(id, row -> {
            if (!"MATCHED".equals(row.kind()) && rows.size() < 1000) {
                rows.add(row);
            }
        });
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(HtmlReport.render(run, rows));
    }

    private static String csvLine(StoredRow row) {
        return String.join(",", cell(row.id()), String.valueOf(row.line()), cell(row.kind()),
                cell(row.transactionId()), cell(row.attemptId()), cell(row.refundId()), cell(row.orderId()),
                String.valueOf(row.amount()), cell(row.currency()), cell(row.resolution()), cell(row.suggestion()),
                cell(row.detail())) + "\n";
    }

    /** RFC 4180 quoting; a leading formula character is neutralised so spreadsheets do not evaluate it. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
