package dev.towerline.server.edge;

import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.edge.host.HostName;
import dev.towerline.server.edge.host.HostPolicy;
import dev.towerline.server.edge.origin.OriginPolicy;
import dev.towerline.server.edge.ratelimit.Quota;
import dev.towerline.server.edge.ratelimit.RateLimitFilter;
import dev.towerline.server.edge.ratelimit.RateLimits;
import dev.towerline.server.http.grizzly.RequestGuard;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The checks made on every request before the API or a feed sees it, in this order: the {@code
 * Host} must name this server (421 {@code MISDIRECTED_REQUEST}); a WebSocket handshake must be
 * within its address's connection-attempt quota (429 {@code RATE_LIMITED}) and come from an
 * allowed {@code Origin} (403 {@code FORBIDDEN}).
 */
public final class EdgeGuard implements RequestGuard {

  private static final int MAX_ECHO_LENGTH = 128;

  private final HostPolicy hosts;
  private final OriginPolicy origins;
  private final RateLimits limits;

  public EdgeGuard(HostPolicy hosts, OriginPolicy origins, RateLimits limits) {
    this.hosts = hosts;
    this.origins = origins;
    this.limits = limits;
  }

  @Override
  public Optional<Refusal> check(RequestHead head) {
    Optional<Refusal> host = hostRefusal(head.host());
    if (host.isPresent() || !head.webSocketHandshake()) {
      return host;
    }
    Optional<Quota> attempt = limits.takeHandshake(head.clientAddress());
    if (attempt.isPresent() && !attempt.get().granted()) {
      return Optional.of(rateLimited(attempt.get()));
    }
    return origins
        .refusal(head.origin(), head.host())
        .map(message -> new Refusal(ErrorCode.FORBIDDEN, message, Map.of(), Map.of()));
  }

  /** HTTP/1.0 requests may come without {@code Host}; browsers always send one, so no page hides behind its absence. */
  private Optional<Refusal> hostRefusal(String host) {
    if (host == null || hosts.allowsAnyName()) {
      return Optional.empty();
    }
    Optional<HostName> name = HostName.parse(host);
    if (name.isPresent() && hosts.allows(name.get())) {
      return Optional.empty();
    }
    String echoed = printable(host);
    return Optional.of(
        new Refusal(
            ErrorCode.MISDIRECTED_REQUEST,
            "Host " + echoed + " is not served here; add its name to " + HostPolicy.ALLOWED_HOSTS_VARIABLE + " if it should be",
            Map.of("host", echoed),
            Map.of()));
  }

  private static Refusal rateLimited(Quota quota) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Retry-After", Long.toString(quota.retryAfterSeconds()));
    headers.put(RateLimitFilter.RATE_LIMIT_HEADER, quota.rateLimitHeader());
    headers.put(RateLimitFilter.RATE_LIMIT_POLICY_HEADER, quota.policyHeader());
    return new Refusal(
        ErrorCode.RATE_LIMITED,
        "Too many WebSocket connection attempts from this address: at most " + quota.limit().requests() + " per "
            + quota.limit().windowSeconds() + " s; retry in " + quota.retryAfterSeconds() + " s",
        RateLimitFilter.details(quota),
        headers);
  }

  private static String printable(String text) {
    String shortened = text.length() > MAX_ECHO_LENGTH ? text.substring(0, MAX_ECHO_LENGTH) : text;
    return shortened.replaceAll("[^\\x20-\\x7e]", "?");
  }
}
