package dev.towerline.server.http.resource;

import dev.towerline.server.api.HealthApi;
import dev.towerline.server.error.ApiException;
import dev.towerline.server.health.CheckResult;
import dev.towerline.server.health.DependencyHealth;
import dev.towerline.server.health.DependencyReport;
import dev.towerline.server.health.HealthService;
import dev.towerline.server.health.LivenessReport;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.model.CheckStatus;
import dev.towerline.server.model.HealthCheckResult;
import dev.towerline.server.model.HealthReport;
import dev.towerline.server.model.LegacyStatus;
import dev.towerline.server.model.Liveness;
import dev.towerline.server.model.Readiness;
import dev.towerline.server.model.UpDown;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;

/**
 * {@code /health} (alive), {@code /health/ready} (can serve), {@code /health/full} (every
 * dependency, within 2 s) and the deprecated {@code /api/v1/status}, a coarse view of the same.
 */
@Singleton
public final class HealthResource implements HealthApi {

  private static final Duration STARTING_RETRY_AFTER = Duration.ofSeconds(1);

  private final HealthService health;
  private final DependencyHealth dependencies;
  private final ObjectMapper json;

  @Inject
  public HealthResource(HealthService health, DependencyHealth dependencies, ObjectMapper json) {
    this.health = health;
    this.dependencies = dependencies;
    this.json = json;
  }

  @Override
  public Response getLiveness() {
    return Response.ok(liveness(health.liveness())).build();
  }

  /** The body of {@code GET /health}; its fast path answers with the same one. */
  public static Liveness liveness(LivenessReport report) {
    return Liveness.builder()
        .status(Liveness.StatusEnum.OK)
        .version(report.apiVersion())
        .uptimeSeconds(report.uptime().getSeconds())
        .build();
  }

  @Override
  public Response getReadiness() {
    Map<String, String> pending = health.pendingStartup();
    if (!pending.isEmpty()) {
      throw new ApiException(
          ErrorCode.SERVICE_UNAVAILABLE,
          "The server is still starting: " + String.join("; ", pending.values()),
          Map.of("waiting_for", pending),
          STARTING_RETRY_AFTER,
          null);
    }
    return Response.ok(Readiness.builder().status(Readiness.StatusEnum.READY).build()).build();
  }

  @Override
  public Response getFullHealth() {
    DependencyReport report = dependencies.check();
    HealthReport body = toModel(report);
    if (report.passed()) {
      return Response.ok(body).build();
    }
    throw new ApiException(
        ErrorCode.HEALTH_CHECK_FAILED,
        "Failing checks: " + String.join(", ", report.failing()),
        json.convertValue(body, new TypeReference<Map<String, Object>>() {}));
  }

  @Override
  @Deprecated
  public Response getLegacyStatus() {
    DependencyReport report = dependencies.check();
    return Response.ok(
            LegacyStatus.builder()
                .status(report.passed() ? LegacyStatus.StatusEnum.OK : LegacyStatus.StatusEnum.DEGRADED)
                .adb(upOrDown(report, "adb"))
                .database(upOrDown(report, "database"))
                .build())
        .build();
  }

  private static UpDown upOrDown(DependencyReport report, String check) {
    return report.passed(check) ? UpDown.UP : UpDown.DOWN;
  }

  private static HealthReport toModel(DependencyReport report) {
    Map<String, HealthCheckResult> checks = new LinkedHashMap<>();
    for (CheckResult check : report.checks()) {
      checks.put(
          check.name(),
          HealthCheckResult.builder()
              .status(status(check.passed()))
              .durationMs(check.duration().toMillis())
              .message(check.message())
              .build());
    }
    return HealthReport.builder()
        .status(status(report.passed()))
        .durationMs(report.duration().toMillis())
        .checkedAt(report.checkedAt().atOffset(ZoneOffset.UTC))
        .checks(checks)
        .build();
  }

  private static CheckStatus status(boolean passed) {
    return passed ? CheckStatus.PASS : CheckStatus.FAIL;
  }
}
