package dev.towerline.server.http;

import dev.towerline.server.model.ErrorEnvelope;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import org.slf4j.MDC;

/**
 * Gives every request an id before routing (so unknown routes get one too), returns it in the
 * {@code X-Request-Id} header of every response and in the {@code request_id} of every error
 * envelope, and keeps it in the logging MDC while the request is handled.
 */
@PreMatching
@Priority(RequestIdFilter.PRIORITY)
public final class RequestIdFilter implements ContainerRequestFilter, ContainerResponseFilter {

  /** Runs before every other request filter and after every other response filter. */
  static final int PRIORITY = 100;

  @Override
  public void filter(ContainerRequestContext request) {
    String id = RequestIds.accept(request.getHeaderString(RequestIds.HEADER));
    request.setProperty(RequestIds.KEY, id);
    MDC.put(RequestIds.KEY, id);
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object property = request.getProperty(RequestIds.KEY);
    String id = property instanceof String s ? s : RequestIds.accept(null);
    response.getHeaders().putSingle(RequestIds.HEADER, id);
    if (response.getEntity() instanceof ErrorEnvelope envelope && envelope.getRequestId() == null) {
      envelope.setRequestId(id);
    }
    MDC.remove(RequestIds.KEY);
  }
}
