package dev.towerline.server.http.fast;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.server.contract.OperationRules;
import dev.towerline.server.contract.RequestContract;
import dev.towerline.server.edge.cors.CorsResponseHeaders;
import dev.towerline.server.edge.ratelimit.RateLimitFilter;
import dev.towerline.server.health.HealthService;
import dev.towerline.server.http.AccessLog;
import dev.towerline.server.http.DeprecationHeaders;
import dev.towerline.server.http.resource.HealthResource;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;

/**
 * Answers {@code GET} and {@code HEAD /health} (liveness, the probe orchestrators poll hardest)
 * without Jersey, as Jersey would: the same body, {@code X-Request-Id}, CORS and deprecation
 * headers, access-log line and latency sample. It takes only requests no other rule of the Jersey
 * path could concern — no query string (the contract checks of the operation), an {@code Accept}
 * that plainly takes JSON (else negotiation, 406) — and only while the contract leaves the
 * operation open to everyone, without parameters or body, and the rate limits exempt it; everything
 * else, including every other method (405, preflights), goes to Jersey. The {@code Host} check and
 * the request read limits run in the listener's filters, before any handler.
 */
public final class LivenessFastPath extends JerseyFastPath {
  static final String OPERATION_ID = "getLiveness";
  /** The request path, and the route template the access log names. */
  static final String PATH = "/health";

  private final HealthService health;
  private final ObjectMapper json;
  private final boolean enabled;

  public LivenessFastPath(
      HttpHandler jersey,
      RequestContract contract,
      HealthService health,
      ObjectMapper json,
      AccessLog accessLog,
      CorsResponseHeaders cors,
      DeprecationHeaders deprecations) {
    super(jersey, PATH, new JsonAnswers(accessLog, cors, deprecations));
    this.health = health;
    this.json = json;
    this.enabled = contract.operation(OPERATION_ID).map(LivenessFastPath::nothingToCheck).orElse(false)
        && RateLimitFilter.exempts(PATH);
  }

  /** Open to everyone (no authentication, no role) and nothing the contract filter would check. */
  private static boolean nothingToCheck(OperationRules operation) {
    return operation.access().open()
        && operation.parameters("query").isEmpty()
        && operation.parameters("path").isEmpty()
        && operation.parameters("header").isEmpty()
        && operation.body().isEmpty();
  }

  @Override
  byte[] body(Request request) throws JsonProcessingException {
    return json.writeValueAsBytes(HealthResource.liveness(health.liveness()));
  }

  @Override
  boolean owns(Request request) {
    Method method = request.getMethod();
    return enabled
        && (method == Method.GET || method == Method.HEAD)
        && PATH.equals(request.getRequestURI())
        && isEmpty(request.getQueryString())
        && JsonAnswers.acceptsJson(request);
  }

  private static boolean isEmpty(String text) {
    return text == null || text.isEmpty();
  }
}
