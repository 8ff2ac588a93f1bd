package dev.towerline.diff.internal;

import dev.towerline.diff.Change;
import dev.towerline.diff.DiffReport;
import dev.towerline.diff.Severity;
import java.util.List;

/** The report as Markdown: verdict, versions, then one table per severity. */
public final class MarkdownReport {
  private MarkdownReport() {}

  public static String render(DiffReport report) {
    StringBuilder md = new StringBuilder();
    md.append("# Contract diff: ").append(report.baseLabel()).append(" → ").append(report.candidateLabel()).append("\n\n");
    md.append("**").append(report.verdict()).append("**\n\n");
    md.append("Version ").append(report.baseVersion()).append(" → ").append(report.candidateVersion())
        .append(": the changes need ").append(report.requiredBump().label()).append(", the version makes ")
        .append(report.madeBump().label()).append(".\n");
    if (!report.violations().isEmpty()) {
      md.append("\n## Policy violations\n\n");
      report.violations().forEach(v -> md.append("- `").append(v.rule()).append("`: ").append(v.reason()).append('\n'));
    }
    for (Severity severity : Severity.values()) {
      table(md, title(severity), report.changes(severity));
      if (severity == Severity.BREAKING) {
        table(md, "Accepted breaking changes", report.accepted());
      }
    }
    if (report.changes().isEmpty() && report.accepted().isEmpty()) {
      md.append("\nNo differences.\n");
    }
    return md.toString();
  }

  private static void table(StringBuilder md, String title, List<Change> changes) {
    if (changes.isEmpty()) {
      return;
    }
    md.append("\n## ").append(title).append(" (").append(changes.size()).append(")\n\n");
    md.append("| Rule | Where | Location | Reason |\n|---|---|---|---|\n");
    for (Change c : changes) {
        md.append("| `").append(c.rule()).append("` | ").append(cell(where(c))).append(" | `")
          .append(cell(c.location())).append("` | ").append(cell(c.reason())).append(" |\n");
    }
  }

  static String title(Severity severity) {
    return switch (severity) {
      case BREAKING -> "Breaking";
      case COMPATIBLE -> "Compatible";
      case INFORMATIONAL -> "Informational";
    };
  }

  private static final int SHOWN_VIA = 3;

  /** The first place clients see the change, and how many more reach it through a {@code $ref} (all of them in JSON). */
  static String where(Change c) {
    List<String> also = c.alsoVia();
    if (also.isEmpty()) {
      return c.where();
    }
    String shown = String.join("; ", also.subList(0, Math.min(SHOWN_VIA, also.size())));
    return c.where() + " (and " + also.size() + " more: " + shown + (also.size() > SHOWN_VIA ? "; …" : "") + ")";
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
