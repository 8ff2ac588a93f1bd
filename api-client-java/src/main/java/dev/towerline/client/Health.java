package dev.towerline.client;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the server's health routes answer, one record per route.
 *
 * <pre>{@code
 * Health.Readiness ready = towerline.readiness();
 * if (!ready.ready()) {
 *   log.info("not yet: {}, waiting for {}", ready.message(), ready.waitingFor().keySet());
 * }
 * Health.Report report = towerline.fullHealth();
 * report.checks().forEach((name, check) -> log.info("{}: {} {}", name, check.passed(), check.message()));
 * }</pre>
 */
public final class Health {

  private Health() {}

  /**
   * Liveness ({@code GET /health}, {@link TowerlineClient#health()}): the process is up.
   *
   * @param status "ok" while the server answers
   * @param version the contract version the server implements
   */
  public record Liveness(String status, String version, Duration uptime) {}

  /**
   * Readiness ({@code GET /health/ready}, {@link TowerlineClient#readiness()}). A server that is
   * starting or stopping answers 503: that is an answer, not a failure, so it comes back as
   * {@code ready == false} at once, without retries.
   *
   * @param message why it is not ready; "ready" when it is
   * @param waitingFor start-up steps still pending, by name (the envelope's {@code
   *     details.waiting_for}); empty when ready or stopping
   * @param retryAfter when the server suggests asking again; null when ready or not said
   */
  public record Readiness(boolean ready, String message, Map<String, String> waitingFor, Duration retryAfter) {
    public Readiness {
      waitingFor = Map.copyOf(waitingFor);
    }
  }

  /**
   * The dependency report ({@code GET /health/full}, {@link TowerlineClient#fullHealth()}): the
   * server checks ADB and its database in parallel and answers within 2 s. Returned for 200 and
   * for 503 (a failing check) alike.
   *
   * @param passed every check passed
   * @param duration how long the checks took on the server
   * @param checks by dependency name ({@code adb}, {@code database}), in the server's order
   */
  public record Report(boolean passed, Duration duration, OffsetDateTime checkedAt, Map<String, Check> checks) {
    public Report {
      checks = Collections.unmodifiableMap(new LinkedHashMap<>(checks));
    }

    /** The names of the checks that failed, in order; empty when {@link #passed()}. */
    public List<String> failing() {
      return checks.entrySet().stream().filter(check -> !check.getValue().passed()).map(Map.Entry::getKey).toList();
    }
  }

  /**
   * One dependency check of a {@link Report}.
   *
   * @param message what the server found; null when it said nothing
   */
  public record Check(boolean passed, Duration duration, String message) {}

  /**
   * The coarse status of the deprecated {@code GET /api/v1/status} ({@link
   * TowerlineClient#legacyStatus()}); use {@link Report} instead.
   *
   * @param ok every dependency is up ("ok" rather than "degraded")
   */
  public record LegacyStatus(boolean ok, boolean adbUp, boolean databaseUp) {}
}
