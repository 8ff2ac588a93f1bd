package dev.towerline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {
  @Test
  void restTableHasAColumnPerJarAndStoreWithTheCeilingRatio() {
    Results results = new Results();
    results.add(Results.REST, Targets.LIST_50, "before/h2", rest(1500, 27.5, 0.25));
    results.add(Results.REST, Targets.LIST_50, "after/h2", rest(6000, 8.2, 0.7));
    results.add(Results.REST, Targets.CREATE_10, "after/h2", rest(400, 18, Double.NaN));

    String markdown = MarkdownReport.render(results, Targets.evaluate(results));

    assertThat(markdown).contains("| | before/h2 | after/h2 |\n|---|---|---|\n");
    assertThat(markdown).contains("| list devices @ 50 | **1,500/s** (**25 %**); 1.0/2.0/27.5/40.0 ms; 3, 0; CPU 2.0/9.0 s |");
    assertThat(markdown).contains("| create execution @ 10 | — | **400/s**; 1.0/2.0/18.0/40.0 ms; 3, 0; CPU 2.0/9.0 s |");
  }

  @Test
  void targetsSayMetOrMissedPerColumnFromTheRunsOwnFigures() {
    Results results = new Results();
    results.add(Results.REST, Targets.LIST_50, "before/h2", rest(1500, 27.5, 0.25));
    results.add(Results.REST, Targets.LIST_50, "after/h2", rest(6000, 8.2, 0.7));
    results.add(Results.STORM, "1000 SDK subscriptions", "after/h2",
        Map.of("subscriptions", 1000, "resumed", 1000, "missed", 0));
    results.add(Results.MEMORY, Targets.CHURN, "after/h2", Map.of("heap_start_mib", 30, "heap_half_mib", 30, "heap_end_mib", 40,
        "rss_half_mib", 300, "rss_end_mib", 301));

    List<Targets.Check> checks = Targets.evaluate(results);

    assertThat(checks).extracting(Targets.Check::target, Targets.Check::column, Targets.Check::met).contains(
        org.assertj.core.groups.Tuple.tuple("list devices p99 ≤ 10 ms at 50 connections", "before/h2", false),
        org.assertj.core.groups.Tuple.tuple("list devices p99 ≤ 10 ms at 50 connections", "after/h2", true),
        org.assertj.core.groups.Tuple.tuple("list devices ≥ 60 % of the bare-Grizzly ceiling", "after/h2", true),
        org.assertj.core.groups.Tuple.tuple("0 missed events in the reconnect storm", "after/h2", true));
    assertThat(checks).filteredOn(check -> check.target().startsWith("no growth")).singleElement()
        .satisfies(check -> {
          assertThat(check.met()).isFalse();
          assertThat(check.measured()).isEqualTo("heap +33 %, RSS +0 %");
        });
    assertThat(MarkdownReport.render(results, checks))
        .contains("| list devices p99 ≤ 10 ms at 50 connections | before/h2 | 27.5 ms | **missed** |");
  }

  @Test
  void churnGrowthThatStopsAfterTheFirstHalfIsNoLeak() {
    Results results = new Results();
    results.add(Results.MEMORY, Targets.CHURN, "after/h2", Map.of("heap_start_mib", 26, "heap_half_mib", 30,
        "heap_end_mib", 29, "rss_half_mib", 346, "rss_end_mib", 291));
    results.add(Results.MEMORY, Targets.CHURN, "leaky/h2", Map.of("heap_start_mib", 26, "heap_half_mib", 30,
        "heap_end_mib", 34, "rss_half_mib", 300, "rss_end_mib", 301));

    assertThat(Targets.evaluate(results)).filteredOn(check -> check.target().startsWith("no growth"))
        .extracting(Targets.Check::column, Targets.Check::met, Targets.Check::measured)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("after/h2", true, "heap -3 %, RSS -16 %"),
            org.assertj.core.groups.Tuple.tuple("leaky/h2", false, "heap +13 %, RSS +0 %"));
  }

  private static Map<String, Object> rest(double perSecond, double p99, double ratio) {
    Map<String, Object> values = new java.util.LinkedHashMap<>();
    values.put("requests_per_second", perSecond);
    values.put("p50_ms", 1.0);
    values.put("p95_ms", 2.0);
    values.put("p99_ms", p99);
    values.put("max_ms", 40.0);
    values.put("status_4xx_5xx", 3);
    values.put("socket_errors", 0);
    if (!Double.isNaN(ratio)) {
      values.put("ceiling_ratio", ratio);
    }
    values.put("wrk_cpu_s", 2.0);
    values.put("server_cpu_s", 9.0);
    return values;
  }
}
