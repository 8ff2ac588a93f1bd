package dev.towerline.server.edge.cors;

import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.http.error.ErrorResponses;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * Answers CORS preflights ({@code OPTIONS} with {@code Origin} and {@code
 * Access-Control-Request-Method}) before routing, so neither the contract's request checks nor
 * the 405 of a route without {@code OPTIONS} ever see one: 204 with what the API allows for an
 * allowed origin, 403 {@code FORBIDDEN} without any CORS header for any other (the browser then
 * refuses the actual request). Other {@code OPTIONS} requests go on as before.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 500)
public final class CorsPreflightFilter implements ContainerRequestFilter {

  static final String ORIGIN = "Origin";
  static final String REQUEST_METHOD = "Access-Control-Request-Method";
  static final String REQUEST_HEADERS = "Access-Control-Request-Headers";

  private final CorsPolicy policy;
  private final ErrorResponses errors;

  @Inject
  public CorsPreflightFilter(CorsPolicy policy, ErrorResponses errors) {
    this.policy = policy;
    this.errors = errors;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String origin = request.getHeaderString(ORIGIN);
    if (!HttpMethod.OPTIONS.equals(request.getMethod()) || origin == null || request.getHeaderString(REQUEST_METHOD) == null) {
      return;
    }
    if (policy.allowOriginValue(origin).isEmpty()) {
      request.abortWith(
          errors
              .envelope(
                  ErrorCode.FORBIDDEN,
                  "Cross-origin requests from this origin are not allowed (" + CorsPolicy.ALLOWED_ORIGINS_VARIABLE + ")",
                  Map.of())
              .build());
      return;
    }
    Response.ResponseBuilder answer =
        Response.noContent()
            .header("Access-Control-Allow-Methods", String.join(", ", CorsPolicy.ALLOWED_METHODS))
            .header("Access-Control-Allow-Headers", String.join(", ", CorsPolicy.ALLOWED_HEADERS))
            .header("Access-Control-Max-Age", policy.maxAge().getSeconds());
    request.abortWith(answer.build());
  }
}
