package dev.towerline.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Issue 14's targets, checked against one run's own figures (printed, never asserted in tests).
 * Each target is checked per column that measured it.
 */
final class Targets {
  static final String FANOUT_100 = "100 clients";
  static final String FANOUT_2000 = "2000 clients";
  static final String FANOUT_5000 = "5000 clients";
  static final String LIST_50 = "list devices @ 50";
  static final String HEALTH_50 = "/health @ 50";
  static final String CREATE_10 = "create execution @ 10";
  static final String IDLE_SUFFIX = " idle feed sockets";
  static final String CHURN = "connect/close churn";
  static final String STORM_SUFFIX = " SDK subscriptions";
  /**
   * "No growth": heap after GC and RSS at the end within 5 % of halfway. The first half also fills
   * what is bounded (caches, pools, committed heap); a leak goes on growing through the second.
   */
  static final double HEAP_GROWTH_ALLOWED = 0.05;
  static final double RSS_GROWTH_ALLOWED = 0.05;

  record Check(String target, String column, String measured, boolean met) {}

  private Targets() {}

  static List<Check> evaluate(Results results) {
    List<Check> checks = new ArrayList<>();
    for (String column : results.columns(null)) {
      fanout(results, column, FANOUT_100, 15, checks);
      fanout(results, column, FANOUT_2000, 30, checks);
      results.find(Results.FANOUT, FANOUT_5000, column).ifPresent(row -> checks.add(new Check(
          "default connection limit serves ≥ 5,000 feed clients", column,
          format("%.0f of 5000 connected", row.number("connected")), row.number("connected") >= 5000)));
      results.find(Results.REST, LIST_50, column).ifPresent(row -> {
        checks.add(new Check("list devices p99 ≤ 10 ms at 50 connections", column,
            format("%.1f ms", row.number("p99_ms")), row.number("p99_ms") <= 10));
        ratio(row, "list devices ≥ 60 % of the bare-Grizzly ceiling", column, checks);
      });
      results.find(Results.REST, HEALTH_50, column)
          .ifPresent(row -> ratio(row, "/health ≥ 60 % of the same ceiling", column, checks));
      results.find(Results.REST, CREATE_10, column).ifPresent(row -> checks.add(new Check(
          "create execution p99 ≤ 20 ms at 10 connections", column,
          format("%.1f ms", row.number("p99_ms")), row.number("p99_ms") <= 20)));
      results.findEnding(Results.MEMORY, IDLE_SUFFIX, column).ifPresent(row -> checks.add(new Check(
          "5,000 idle sockets in < 512 MB RSS", column,
          format("%.0f MiB with %.0f connected of %.0f tried", row.number("rss_mib"), row.number("connected"),
              row.number("clients")),
          row.number("rss_mib") < 512 && row.number("connected") >= 5000)));
      results.find(Results.MEMORY, CHURN, column).ifPresent(row -> churn(row, column, checks));
      results.findEnding(Results.STORM, STORM_SUFFIX, column).ifPresent(row -> checks.add(new Check(
          "0 missed events in the reconnect storm", column,
          format("%.0f missed, %.0f resumed of %.0f", row.number("missed"), row.number("resumed"),
              row.number("subscriptions")),
          row.number("missed") == 0 && row.number("resumed") == row.number("subscriptions"))));
    }
    return checks;
  }

  private static void fanout(Results results, String column, String item, double p99Millis, List<Check> checks) {
    Optional<Results.Row> found = results.find(Results.FANOUT, item, column);
    found.ifPresent(row -> checks.add(new Check(
        "a device change reaches " + item + " with p99 ≤ " + (int) p99Millis + " ms", column,
        format("p99 %.1f ms, %.0f of %.0f connected, %.0f missed", row.number("p99_ms"), row.number("connected"),
            row.number("clients"), row.number("missed")),
        row.number("p99_ms") <= p99Millis && row.number("connected") == row.number("clients")
            && row.number("missed") == 0)));
  }

  private static void ratio(Results.Row row, String target, String column, List<Check> checks) {
    double ratio = row.number("ceiling_ratio");
    if (!Double.isNaN(ratio)) {
      checks.add(new Check(target, column, format("%.0f %%", ratio * 100), ratio >= 0.6));
    }
  }

  private static void churn(Results.Row row, String column, List<Check> checks) {
    double heapGrowth = row.number("heap_end_mib") / row.number("heap_half_mib") - 1;
    double rssGrowth = row.number("rss_end_mib") / row.number("rss_half_mib") - 1;
    checks.add(new Check("no growth after connect/close churn (heap after GC and RSS ≤ +5 % from halfway to the end)",
        column, format("heap %+.0f %%, RSS %+.0f %%", heapGrowth * 100, rssGrowth * 100),
        heapGrowth <= HEAP_GROWTH_ALLOWED && rssGrowth <= RSS_GROWTH_ALLOWED));
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
