package dev.towerline.server.edge.ratelimit;

import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.auth.Actor;
import dev.towerline.server.http.ClientAddresses;
import dev.towerline.server.http.error.ErrorResponses;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.glassfish.grizzly.http.server.Request;

/**
 * Takes every API request from its caller's quota once authentication has named the caller:
 * over quota, the request is answered 429 {@code RATE_LIMITED} with {@code Retry-After}; either way
 * the response carries {@code RateLimit} and {@code RateLimit-Policy}. The health probes are
 * exempt: an orchestrator polling them must never be told to back off.
 */
@Priority(RateLimitFilter.PRIORITY)
public final class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

  /** Right after authentication, which attaches the {@link Actor}. */
  public static final int PRIORITY = Priorities.AUTHENTICATION + 500;
  public static final String RATE_LIMIT_HEADER = "RateLimit";
  public static final String RATE_LIMIT_POLICY_HEADER = "RateLimit-Policy";
  private static final String QUOTA_PROPERTY = "dev.towerline.rate-limit.quota";
  private static final String HEALTH = "health";

  private final RateLimits limits;
  private final ErrorResponses errors;
  private final Provider<Request> transport;

  @Inject
  public RateLimitFilter(RateLimits limits, ErrorResponses errors, Provider<Request> transport) {
    this.limits = limits;
    this.errors = errors;
    this.transport = transport;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (exempts(request.getUriInfo().getPath())) {
      return;
    }
    Actor actor = Actor.of(request);
    Optional<Quota> taken = limits.takeRequest(actor, ClientAddresses.of(request, transport));
    if (taken.isEmpty()) {
      return;
    }
    Quota quota = taken.get();
    request.setProperty(QUOTA_PROPERTY, quota);
    if (!quota.granted()) {
      request.abortWith(
          errors
              .envelope(ErrorCode.RATE_LIMITED, message(actor, quota), details(quota))
              .header(HttpHeaders.RETRY_AFTER, quota.retryAfterSeconds())
              .build());
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(QUOTA_PROPERTY) instanceof Quota quota) {
      response.getHeaders().putSingle(RATE_LIMIT_HEADER, quota.rateLimitHeader());
      response.getHeaders().putSingle(RATE_LIMIT_POLICY_HEADER, quota.policyHeader());
    }
  }

  /** Whether requests to {@code path} (with or without its leading slash) take nothing from any quota. */
  public static boolean exempts(String path) {
    String relative = path.startsWith("/") ? path.substring(1) : path;
    return relative.equals(HEALTH) || relative.startsWith(HEALTH + "/");
  }

  private static String message(Actor actor, Quota quota) {
    String caller = actor.isAnonymous() ? "anonymous callers from one address" : "role " + quota.policy();
    return "Rate limit of " + quota.limit().requests() + " requests per " + quota.limit().windowSeconds() + " s for " + caller
        + " exceeded; retry in " + quota.retryAfterSeconds() + " s";
  }

  /** The envelope's {@code details} for a refusal: {@code limit}, {@code window_seconds}, {@code retry_after_seconds}. */
  public static Map<String, Object> details(Quota quota) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("limit", quota.limit().requests());
    details.put("window_seconds", quota.limit().windowSeconds());
    details.put("retry_after_seconds", quota.retryAfterSeconds());
    return details;
  }
}
