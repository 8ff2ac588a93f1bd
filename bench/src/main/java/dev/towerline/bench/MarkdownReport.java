package dev.towerline.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The run as Markdown: how it was made, a table per phase (a column per jar and store), the targets. */
final class MarkdownReport {
  private static final Map<String, String> LEGENDS = Map.of(
      Results.REST, "Each cell: requests/s (share of the ceiling's requests/s measured just before); latency p50/p95/p99/max;"
          + " answers ≥ 400 and socket errors; CPU seconds of wrk / of the server during the cell.",
      Results.FANOUT, "Each cell: clients connected of those tried (refusals by close code or HTTP status); delivery latency"
          + " p50/p95/p99/max over every (change, client); deliveries missed after 10 s; the bench JVM's CPU per change"
          + " (simulator included) and, of that, the feed clients' own threads'."
          + " \"ceiling: N clients\" is the same clients on the bare Tyrus endpoint in the server's JVM.",
      Results.STORM, "Each cell: subscriptions live again after the restart; the last one's time after the new server was"
          + " ready (and after the SIGTERM); events in the log since the subscriptions' snapshots; how long after the 3 s"
          + " settle every subscription had the log's last event (late is not missed; up to 120 s); missed, duplicates, resyncs.",
      Results.MEMORY, "Each cell: RSS and heap used after a full GC, in MiB.");
  private static final Map<String, String> TITLES = Map.of(
      Results.REST, "REST (wrk)",
      Results.FANOUT, "WebSocket fan-out of a device change (clients as the notes say)",
      Results.STORM, "Reconnect storm through a server restart (SDK subscriptions)",
      Results.MEMORY, "Memory (RSS from /proc, heap used after a full GC by jcmd)");

  private MarkdownReport() {}

  static String render(Results results, List<Targets.Check> checks) {
    StringBuilder out = new StringBuilder("# Towerline bench\n\n");
    results.run().forEach((key, value) -> out.append("- ").append(key).append(": ").append(value).append('\n'));
    results.notes().forEach(note -> out.append("- ").append(note).append('\n'));
    for (String phase : Results.PHASES) {
      if (results.rows(phase).isEmpty()) {
        continue;
      }
      List<String> columns = results.columns(phase);
      out.append("\n## ").append(TITLES.get(phase)).append("\n\n").append(LEGENDS.get(phase)).append("\n\n| |");
      columns.forEach(column -> out.append(' ').append(column).append(" |"));
      out.append("\n|---|");
      columns.forEach(column -> out.append("---|"));
      out.append('\n');
      for (String item : results.items(phase)) {
        out.append("| ").append(item).append(" |");
        for (String column : columns) {
          out.append(' ').append(results.find(phase, item, column).map(MarkdownReport::cell).orElse("—")).append(" |");
        }
        out.append('\n');
      }
    }
    out.append("\n## Targets (issue 14)\n\n| target | column | measured | |\n|---|---|---|---|\n");
    for (Targets.Check check : checks) {
      out.append("| ").append(check.target()).append(" | ").append(check.column()).append(" | ")
          .append(check.measured()).append(" | ").append(check.met() ? "met" : "**missed**").append(" |\n");
    }
    return out.toString();
  }

  static String cell(Results.Row row) {
    Map<String, Object> v = row.values();
    if (row.item().equals(RestPhase.WARM_UP)) {
      return String.valueOf(v.get("warmup_description"));
    }
    return switch (row.phase()) {
      case Results.REST -> rest(row);
      case Results.FANOUT -> f("%s/%s%s; %s/%s/%s/%s ms; %s missed; CPU %s ms (client threads %s ms)",
          v.get("connected"), v.get("clients"), refusals(v), ms(row, "p50_ms"), ms(row, "p95_ms"), ms(row, "p99_ms"),
          ms(row, "max_ms"), v.get("missed"), ms(row, "client_cpu_ms_per_event"), ms(row, "client_threads_cpu_ms_per_event"));
      case Results.STORM -> f("%s/%s live again %s ms after ready (%s ms after SIGTERM); %s events, all handed over %s ms after"
              + " the changes settled; %s missed, %s duplicates, %s resyncs",
          v.get("resumed"), v.get("subscriptions"), ms(row, "resumed_after_ready_ms"), ms(row, "resumed_after_sigterm_ms"),
          v.get("events"), v.get("caught_up_after_settle_ms"), v.get("missed"), v.get("duplicates"), v.get("resyncs"));
      case Results.MEMORY -> memory(row);
      default -> v.toString();
    };
  }

  private static String rest(Results.Row row) {
    Map<String, Object> v = row.values();
    String ratio = Double.isNaN(row.number("ceiling_ratio")) ? "" : f(" (**%.0f %%**)", row.number("ceiling_ratio") * 100);
    return f("**%,.0f/s**%s; %s/%s/%s/%s ms; %s, %s; CPU %s/%s s",
        row.number("requests_per_second"), ratio, ms(row, "p50_ms"), ms(row, "p95_ms"), ms(row, "p99_ms"), ms(row, "max_ms"),
        v.get("status_4xx_5xx"), v.get("socket_errors"), ms(row, "wrk_cpu_s"), ms(row, "server_cpu_s"));
  }

  private static String memory(Results.Row row) {
    Map<String, Object> v = row.values();
    if (v.containsKey("cycles")) {
      return f("%s cycles (%s failed, %s/s): RSS %s → %s → %s, heap %s → %s → %s (after warm-up, halfway, end)",
          v.get("cycles"), v.get("failures"), v.get("cycles_per_second"), v.get("rss_start_mib"), v.get("rss_half_mib"), v.get("rss_end_mib"),
          v.get("heap_start_mib"), v.get("heap_half_mib"), v.get("heap_end_mib"));
    }
    String connected = v.containsKey("connected") ? f("%s/%s connected%s; ", v.get("connected"), v.get("clients"), refusals(v)) : "";
    return f("%sRSS %s, heap %s", connected, v.get("rss_mib"), v.get("heap_mib"));
  }

  private static String refusals(Map<String, Object> v) {
    Object refused = v.get("refused");
    return refused instanceof Map<?, ?> map && !map.isEmpty() ? " (refused: " + map + ")" : "";
  }

  private static String ms(Results.Row row, String key) {
    double value = row.number(key);
    if (Double.isNaN(value)) {
      return "—";
    }
    if (value >= 100) {
      return f("%,.0f", value);
    }
    return value >= 1 ? f("%.1f", value) : f("%.2f", value);
  }

  private static String f(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
