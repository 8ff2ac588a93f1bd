package dev.towerline.server.http;

import dev.towerline.server.auth.Actor;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import org.glassfish.grizzly.http.server.Request;

/** Hands every request Jersey answers to the {@link AccessLog}, with its matched route template. */
@PreMatching
@Priority(AccessLogFilter.PRIORITY)
public final class AccessLogFilter implements ContainerRequestFilter, ContainerResponseFilter {
  /** After the request id is set; its response side runs before the id leaves the MDC. */
  static final int PRIORITY = RequestIdFilter.PRIORITY + 100;

  private static final String STARTED = AccessLogFilter.class.getName() + ".started";

  private final AccessLog log;
  private final jakarta.inject.Provider<Request> connection;

  @Inject
  public AccessLogFilter(AccessLog log, jakarta.inject.Provider<Request> connection) {
    this.log = log;
    this.connection = connection;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(STARTED, System.nanoTime());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object started = request.getProperty(STARTED);
    long nanos = started instanceof Long s ? System.nanoTime() - s : 0;
    log.record(
        request.getMethod(),
        RouteTemplates.of(request.getUriInfo()).orElse(AccessLog.UNMATCHED_ROUTE),
        response.getStatus(),
        nanos,
        request.getUriInfo().getPath(),
        ClientAddresses.of(request, connection),
        Actor.of(request).name());
  }
}
