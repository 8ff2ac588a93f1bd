package dev.towerline.server.edge.cors;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The CORS headers of an answer (a preflight's, a result or an error envelope alike), whichever
 * path served it: with CORS configured every answer varies by {@code Origin}, so caches keep them
 * apart; an answer to an allowed origin is marked readable by it ({@code
 * Access-Control-Allow-Origin}, credentials when allowed) and, unless it answers a preflight,
 * exposes the API's headers. Answers to other origins get no CORS header.
 */
public final class CorsResponseHeaders {

  /** Where the headers go: the answer being built. */
  public interface Sink {
    /** Adds {@code token} to {@code Vary} unless the answer already varies by it. */
    void addVary(String token);

    /** Sets {@code name} to {@code value}, replacing any value it had. */
    void put(String name, String value);
  }

  static final String VARY_TOKEN = CorsPreflightFilter.ORIGIN;
  private static final String EXPOSED = String.join(", ", CorsPolicy.EXPOSED_HEADERS);

  private final CorsPolicy policy;

  public CorsResponseHeaders(CorsPolicy policy) {
    this.policy = policy;
  }

  /** @param requestHeader the request's (first) value of a header, {@code null} when it has none */
  public void apply(UnaryOperator<String> requestHeader, Sink answer) {
    apply(requestHeader.apply(CorsPreflightFilter.ORIGIN), requestHeader.apply(CorsPreflightFilter.REQUEST_METHOD) != null, answer);
  }

  private void apply(String origin, boolean preflight, Sink answer) {
    if (!policy.isEnabled()) {
      return;
    }
    answer.addVary(VARY_TOKEN);
    Optional<String> allowed = policy.allowOriginValue(origin);
    if (allowed.isEmpty()) {
      return;
    }
    answer.put("Access-Control-Allow-Origin", allowed.get());
    if (policy.allowCredentials()) {
      answer.put("Access-Control-Allow-Credentials", "true");
    }
    if (!preflight) {
      answer.put("Access-Control-Expose-Headers", EXPOSED);
    }
  }
}
