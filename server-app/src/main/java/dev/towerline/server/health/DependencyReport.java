package dev.towerline.server.health;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The result of running every dependency check once. */
public record DependencyReport(Instant checkedAt, Duration duration, List<CheckResult> checks) {
  public DependencyReport {
    checks = List.copyOf(checks);
  }

  public boolean passed() {
    return checks.stream().allMatch(CheckResult::passed);
  }

  public List<String> failing() {
    return checks.stream().filter(c -> !c.passed()).map(CheckResult::name).toList();
  }

  public boolean passed(String check) {
    return checks.stream().anyMatch(c -> c.name().equals(check) && c.passed());
  }
}
