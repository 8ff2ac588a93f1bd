package dev.towerline.server.audit;

import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.auth.Actor;
import dev.towerline.server.auth.Role;
import dev.towerline.server.http.error.ErrorResponses;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.Map;

/**
 * Test-only stand-in for many token holders and for refusals on demand, right after the real
 * authentication (which, on this server without tokens, attaches the anonymous actor): {@value
 * #ACTOR} {@code name/role} attaches that {@link Actor}; {@value #REFUSE} {@code 401}, {@code 403}
 * or {@code 429} refuses the request as authentication, authorization or the rate limit would,
 * with the contract's envelope and headers. The audit log must record what it sees either way.
 * The same records made through real tokens are checked in sdk-it ({@code AuditAndTicketsTest}).
 */
@Priority(Priorities.AUTHENTICATION + 1)
public final class StandInAuthentication implements ContainerRequestFilter {
  static final String ACTOR = "X-Test-Actor";
  static final String REFUSE = "X-Test-Refuse";

  private final ErrorResponses errors;

  @Inject
  public StandInAuthentication(ErrorResponses errors) {
    this.errors = errors;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String refuse = request.getHeaderString(REFUSE);
    if ("401".equals(refuse)) {
      request.abortWith(
          errors.envelope(ErrorCode.UNAUTHENTICATED, "A bearer token is required", Map.of())
              .header("WWW-Authenticate", "Bearer realm=\"towerline\"")
              .build());
      return;
    }
    String actor = request.getHeaderString(ACTOR);
    if (actor != null) {
      String[] parts = actor.split("/", 2);
      request.setProperty(Actor.REQUEST_PROPERTY, new Actor(parts[0], Role.fromContractName(parts[1]).orElseThrow()));
    }
    if ("403".equals(refuse)) {
      request.abortWith(
          errors.envelope(ErrorCode.FORBIDDEN, "Role viewer may not call this operation", Map.of("role", "viewer")).build());
    } else if ("429".equals(refuse)) {
      request.abortWith(
          errors.envelope(ErrorCode.RATE_LIMITED, "Rate limit exceeded", Map.of("limit", 1, "window_seconds", 60))
              .header("Retry-After", "7")
              .header("RateLimit", "\"operator\";r=0;t=7")
              .header("RateLimit-Policy", "\"operator\";q=1;w=60")
              .build());
    }
  }
}
