package dev.towerline.diff.internal;

import dev.towerline.diff.Change;
import dev.towerline.diff.DiffReport;
import dev.towerline.diff.Severity;
import java.util.List;

/** "What changed since the last release": a self-contained page the docs site can publish. */
public final class HtmlReport {
  private HtmlReport() {}

  public static String render(DiffReport report) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>What changed since ").append(esc(report.baseVersion())).append("</title>\n")
        .append("<style>body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem}")
        .append("table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.3rem .5rem;")
        .append("text-align:left;vertical-align:top}code{font-size:.9em}.breaking{color:#a40000}")
        .append(".compatible{color:#1a5e1a}.informational{color:#555}</style>\n</head>\n<body>\n")
        .append("<h1>What changed since ").append(esc(report.baseVersion())).append("</h1>\n")
        .append("<p>Contract ").append(esc(report.baseVersion())).append(" (").append(esc(report.baseLabel()))
        .append(") → ").append(esc(report.candidateVersion())).append(" (").append(esc(report.candidateLabel()))
        .append(").</p>\n<p id=\"verdict\"><strong>").append(esc(report.verdict())).append("</strong></p>\n");
    if (!report.violations().isEmpty()) {
      html.append("<h2 class=\"breaking\">Policy violations</h2>\n<ul>\n");
      report.violations().forEach(v -> html.append("<li><code>").append(esc(v.rule())).append("</code>: ")
          .append(esc(v.reason())).append("</li>\n"));
      html.append("</ul>\n");
    }
    for (Severity severity : Severity.values()) {
      table(html, severity.label(), severity.label(), MarkdownReport.title(severity), report.changes(severity));
      if (severity == Severity.BREAKING) {
        table(html, "breaking", "accepted", "Accepted breaking changes", report.accepted());
      }
    }
    if (report.changes().isEmpty() && report.accepted().isEmpty()) {
      html.append("<p>No differences.</p>\n");
    }
    return html.append("</body>\n</html>\n").toString();
  }

  private static void table(StringBuilder html, String css, String id, String title, List<Change> changes) {
    if (changes.isEmpty()) {
      return;
    }
    html.append("<h2 class=\"").append(css).append("\" id=\"").append(id).append("\">")
        .append(esc(title)).append(" (").append(changes.size()).append(")</h2>\n")
        .append("<table>\n<thead><tr><th>Where</th><th>Reason</th><th>Rule</th><th>Location</th></tr></thead>\n<tbody>\n");
    for (Change c : changes) {
      html.append("<tr><td>").append(esc(MarkdownReport.where(c))).append("</td><td>").append(esc(c.reason()))
          .append("</td><td><code>").append(esc(c.rule())).append("</code></td><td><code>").append(esc(c.location()))
          .append("</code></td></tr>\n");
    }
    html.append("</tbody>\n</table>\n");
  }

  static String esc(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char ch : text.toCharArray()) {
      switch (ch) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(ch);
      }
    }
    return out.toString();
  }
}
