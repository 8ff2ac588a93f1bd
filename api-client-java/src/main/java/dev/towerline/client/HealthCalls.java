package dev.towerline.client;

import dev.towerline.client.generated.model.CheckStatus;
import dev.towerline.client.generated.model.HealthCheckResult;
import dev.towerline.client.generated.model.HealthReport;
import dev.towerline.client.generated.model.LegacyStatus;
import dev.towerline.client.generated.model.UpDown;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The health routes whose 503 is an answer to return, not a failure to retry or throw. */
final class HealthCalls {

  private static final int UNAVAILABLE = 503;

  private HealthCalls() {}

  static Health.Readiness readiness(Transport transport) {
    HttpResponse<byte[]> response = transport.send(Call.get("getReadiness", "health/ready", Map.of()), Set.of(UNAVAILABLE));
    if (response.statusCode() != UNAVAILABLE) {
      return new Health.Readiness(true, "ready", Map.of(), null);
    }
    ServerError error = transport.serverError(response);
    return new Health.Readiness(false, error.message(), waitingFor(error.details()), error.retryAfter());
  }

  static Health.Report fullHealth(Transport transport) {
    HttpResponse<byte[]> response = transport.send(Call.get("getFullHealth", "health/full", Map.of()), Set.of(UNAVAILABLE));
    if (response.statusCode() != UNAVAILABLE) {
      return report(transport.read(response, HealthReport.class));
    }
    // A failing check answers 503 with the report as the envelope's details; any other 503
    // (a proxy, a server that is shutting down) is a failure like any other.
    ServerError error = transport.serverError(response);
    if (!"HEALTH_CHECK_FAILED".equals(error.code())) {
      throw ErrorMapping.toException(error);
    }
    return report(transport.json().convertValue(error.details(), HealthReport.class));
  }

  @SuppressWarnings("deprecation")
  static Health.LegacyStatus legacyStatus(Transport transport) {
    LegacyStatus status = transport.execute(Call.get("getLegacyStatus", "api/v1/status", Map.of()), LegacyStatus.class);
    return new Health.LegacyStatus(
        status.getStatus() == LegacyStatus.StatusEnum.OK, status.getAdb() == UpDown.UP, status.getDatabase() == UpDown.UP);
  }

  private static Health.Report report(HealthReport report) {
    Map<String, Health.Check> checks = new LinkedHashMap<>();
    if (report.getChecks() != null) {
      report.getChecks().forEach((name, check) -> checks.put(name, check(check)));
    }
    return new Health.Report(
        report.getStatus() == CheckStatus.PASS, millis(report.getDurationMs()), report.getCheckedAt(), checks);
  }

  private static Health.Check check(HealthCheckResult check) {
    return new Health.Check(check.getStatus() == CheckStatus.PASS, millis(check.getDurationMs()), check.getMessage());
  }

  private static Duration millis(Long millis) {
    return Duration.ofMillis(millis == null ? 0 : millis);
  }

  private static Map<String, String> waitingFor(Map<String, Object> details) {
    Map<String, String> steps = new LinkedHashMap<>();
    if (details.get("waiting_for") instanceof Map<?, ?> waiting) {
      waiting.forEach((step, why) -> steps.put(String.valueOf(step), String.valueOf(why)));
    }
    return steps;
  }
}
