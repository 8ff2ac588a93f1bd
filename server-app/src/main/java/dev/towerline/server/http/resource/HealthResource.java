package dev.towerline.server.http.resource;

import dev.towerline.server.api.HealthApi;
import dev.towerline.server.error.ApiException;
import dev.towerline.server.health.HealthService;
import dev.towerline.server.health.LivenessReport;
import dev.towerline.server.model.Liveness;
import dev.towerline.server.model.Readiness;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;

/** {@code /health}, {@code /health/ready}; the dependency checks are not served yet. */
@Singleton
public final class HealthResource implements HealthApi {

  private final HealthService health;

  @Inject
  public HealthResource(HealthService health) {
    this.health = health;
  }

  @Override
  public Response getLiveness() {
    LivenessReport report = health.liveness();
    return Response.ok(
            Liveness.builder()
                .status(Liveness.StatusEnum.OK)
                .version(report.apiVersion())
                .uptimeSeconds(report.uptime().getSeconds())
                .build())
        .build();
  }

  @Override
  public Response getReadiness() {
    // Always ready until there are dependencies to wait for (see HealthService#isReady).
    return Response.ok(Readiness.builder().status(Readiness.StatusEnum.READY).build()).build();
  }

  @Override
  public Response getFullHealth() {
    throw ApiException.notImplemented("getFullHealth");
  }

  @Override
  @Deprecated
  public Response getLegacyStatus() {
    throw ApiException.notImplemented("getLegacyStatus");
  }
}
