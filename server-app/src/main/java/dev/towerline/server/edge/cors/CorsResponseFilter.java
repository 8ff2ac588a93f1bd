package dev.towerline.server.edge.cors;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Optional;

/**
 * Marks responses (preflight answers, results and error envelopes alike) readable by the page that
 * asked, when its origin is allowed: {@code Access-Control-Allow-Origin} and the exposed headers.
 * Responses to other origins get no CORS header. With CORS configured every response varies by
 * {@code Origin}, so caches keep the answers apart.
 */
@Priority(Priorities.HEADER_DECORATOR)
public final class CorsResponseFilter implements ContainerResponseFilter {

  private static final String VARY = "Vary";

  private final CorsPolicy policy;

  @Inject
  public CorsResponseFilter(CorsPolicy policy) {
    this.policy = policy;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!policy.isEnabled()) {
      return;
    }
    MultivaluedMap<String, Object> headers = response.getHeaders();
    addVaryOrigin(headers);
    Optional<String> allowed = policy.allowOriginValue(request.getHeaderString(CorsPreflightFilter.ORIGIN));
    if (allowed.isEmpty()) {
      return;
    }
    headers.putSingle("Access-Control-Allow-Origin", allowed.get());
    if (policy.allowCredentials()) {
      headers.putSingle("Access-Control-Allow-Credentials", "true");
    }
    if (request.getHeaderString(CorsPreflightFilter.REQUEST_METHOD) == null) {
      headers.putSingle("Access-Control-Expose-Headers", String.join(", ", CorsPolicy.EXPOSED_HEADERS));
    }
  }

  private static void addVaryOrigin(MultivaluedMap<String, Object> headers) {
    List<Object> vary = headers.get(VARY);
    boolean present =
        vary != null && vary.stream().anyMatch(value -> List.of(value.toString().split(",")).stream().anyMatch(v -> v.trim().equalsIgnoreCase(CorsPreflightFilter.ORIGIN)));
    if (!present) {
      headers.add(VARY, CorsPreflightFilter.ORIGIN);
    }
  }
}
