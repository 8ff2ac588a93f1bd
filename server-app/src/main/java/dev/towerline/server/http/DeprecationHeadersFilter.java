package dev.towerline.server.http;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ContainerResponseContext;

/** Announces deprecation on every response of a deprecated operation, errors included. */
public final class DeprecationHeadersFilter implements ContainerResponseFilter {
  private final DeprecationHeaders deprecations;

  @Inject
  public DeprecationHeadersFilter(DeprecationHeaders deprecations) {
    this.deprecations = deprecations;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    RouteTemplates.of(request.getUriInfo())
        .flatMap(route -> deprecations.forRoute(request.getMethod(), route))
        .ifPresent(headers -> headers.forEach(response.getHeaders()::putSingle));
  }
}
