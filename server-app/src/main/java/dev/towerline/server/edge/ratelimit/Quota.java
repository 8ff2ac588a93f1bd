package dev.towerline.server.edge.ratelimit;

import java.time.Duration;

/**
 * One caller's standing after one request: whether it may go on, how much of its quota is left,
 * and when it may try again (when refused) or when its quota is whole again. Renders the IETF
 * {@code RateLimit} and {@code RateLimit-Policy} fields (draft-ietf-httpapi-ratelimit-headers).
 *
 * @param policy the quota's name: the caller's role, {@code anonymous}, or the WebSocket limit's
 */
public record Quota(String policy, RateLimit limit, boolean granted, long remaining, Duration retryAfter, Duration untilFull) {

  /** {@code "viewer";r=12;t=30}: remaining requests and seconds until they are all available again (or, when refused, until the next one is). */
  public String rateLimitHeader() {
    Duration reset = granted ? untilFull : retryAfter;
    return "\"" + policy + "\";r=" + remaining + ";t=" + wholeSecondsUp(reset);
  }

  /** {@code "viewer";q=600;w=60}. */
  public String policyHeader() {
    return "\"" + policy + "\";q=" + limit.requests() + ";w=" + limit.windowSeconds();
  }

  /** Whole seconds until a refused caller may try again, at least 1: a client never retries early. */
  public long retryAfterSeconds() {
    return Math.max(1, wholeSecondsUp(retryAfter));
  }

  private static long wholeSecondsUp(Duration duration) {
    return duration.plusNanos(999_999_999).getSeconds();
  }
}
