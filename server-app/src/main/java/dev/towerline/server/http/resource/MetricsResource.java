package dev.towerline.server.http.resource;

import dev.towerline.server.api.ObservabilityApi;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

/** {@code GET /metrics}: the registry in the Prometheus text format. */
public final class MetricsResource implements ObservabilityApi {
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;

  @Inject
  public MetricsResource(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Response getMetrics() {
    return Response.ok(registry.scrape(), PROMETHEUS_TEXT).build();
  }
}
