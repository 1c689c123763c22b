package io.orderkeep.reconcile.web;

import io.orderkeep.reconcile.RunSummary;
import io.orderkeep.reconcile.jdbc.StoredRow;
import java.util.List;

/** One HTML page with no external assets: the run's counts, a bar chart as inline SVG, the discrepancies. */
final class HtmlReport {

    private static final String[] KINDS = {"MATCHED", "MISSING_LOCAL", "MISSING_AT_PROVIDER", "AMOUNT_MISMATCH",
            "STATUS_MISMATCH", "DUPLICATE_PAYMENT", "INVALID_ROW"};
    private static final String[] COLOURS = {"#2e7d32", "#c62828", "#ef6c00", "#6a1b9a", "#1565c0", "#ad1457",
            "#616161"};

    private HtmlReport() {}

    static String render(RunSummary run, List<StoredRow> rows) {
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Reconciliation ")
                .append(esc(run.id())).append("</title><style>body{font-family:sans-serif;margin:2em}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}"
                        + "</style></head><body><h1>Reconciliation ").append(esc(run.id())).append("</h1><p>Provider ")
                .append(esc(run.provider())).append(", status ").append(esc(run.status()))
                .append(run.dryRun() ? " (dry run: nothing was changed)" : "").append(", ").append(run.rowsRead())
                .append(" of ").append(run.rowsTotal()).append(" rows read, ").append(run.repaired())
                .append(" repaired, ").append(run.needsReview()).append(" need review. File SHA-256 ")
                .append(esc(run.fileSha256())).append(".</p><table><tr><th>kind</th><th>count</th></tr>");
        for (String kind : KINDS) {
            html.append("<tr><td>").append(kind).append("</td><td>").append(run.count(kind)).append("</td></tr>");
        }
        html.append("</table>").append(chart(run)).append("<h2>Discrepancies</h2><table><tr><th>line</th>"
                + "<th>kind</th><th>transaction</th><th>order</th><th>amount</th><th>resolution</th><th>detail</th></tr>");
        for (StoredRow row : rows) {
            html.append("<tr><td>").append(row.line()).append("</td><td>").append(esc(row.kind())).append("</td><td>")
                    .append(esc(row.transactionId())).append("</td><td>").append(esc(row.orderId())).append("</td><td>")
                    .append(row.amount()).append(' ').append(esc(row.currency())).append("</td><td>")
                    .append(esc(row.resolution())).append("</td><td>").append(esc(row.detail())).append("</td></tr>");
        }
        return html.append("</table></body></html>").toString();
    }

    private static String chart(RunSummary run) {
        long max = 1;
        for (String kind : KINDS) {
            max = Math.max(max, run.count(kind));
        }
        var svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"")
                .append(KINDS.length * 28 + 10).append("\" role=\"img\" aria-label=\"counts by kind\">");
        for (int i = 0; i < KINDS.length; i++) {
            long count = run.count(KINDS[i]);
            long width = Math.round(400.0 * count / max);
            int y = 5 + i * 28;
            svg.append("<text x=\"0\" y=\"").append(y + 16).append("\" font-size=\"12\">").append(KINDS[i])
                    .append("</text><rect x=\"170\" y=\"").append(y).append("\" width=\"").append(width)
                    .append("\" height=\"20\" fill=\"").append(COLOURS[i]).append("\"/><text x=\"")
                    .append(175 + width).append("\" y=\"").append(y + 16).append("\" font-size=\"12\">")
                    .append(count).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    private static String esc(String value) {
        if (value == null) {
            return "";
        }
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
