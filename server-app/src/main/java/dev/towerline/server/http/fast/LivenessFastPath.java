package dev.towerline.server.http.fast;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.server.auth.Actor;
import dev.towerline.server.contract.OperationRules;
import dev.towerline.server.contract.RequestContract;
import dev.towerline.server.edge.cors.CorsResponseHeaders;
import dev.towerline.server.edge.ratelimit.RateLimitFilter;
import dev.towerline.server.health.HealthService;
import dev.towerline.server.http.AccessLog;
import dev.towerline.server.http.ClientAddresses;
import dev.towerline.server.http.DeprecationHeaders;
import dev.towerline.server.http.RequestIds;
import dev.towerline.server.http.resource.HealthResource;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.slf4j.MDC;

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
public final class LivenessFastPath extends HttpHandler {
  static final String OPERATION_ID = "getLiveness";
  /** The request path, and the route template the access log names. */
  static final String PATH = "/health";
  /** The path as the access log gives it: relative to the base URI, as Jersey reports it. */
  private static final String LOGGED_PATH = PATH.substring(1);
  private static final String JSON = "application/json";
  private static final String ACCEPT = "Accept";

  private final HttpHandler jersey;
  private final HealthService health;
  private final ObjectMapper json;
  private final AccessLog accessLog;
  private final CorsResponseHeaders cors;
  private final DeprecationHeaders deprecations;
  private final boolean enabled;

  public LivenessFastPath(
      HttpHandler jersey,
      RequestContract contract,
      HealthService health,
      ObjectMapper json,
      AccessLog accessLog,
      CorsResponseHeaders cors,
      DeprecationHeaders deprecations) {
    this.jersey = jersey;
    this.health = health;
    this.json = json;
    this.accessLog = accessLog;
    this.cors = cors;
    this.deprecations = deprecations;
    this.enabled = contract.operation(OPERATION_ID).map(LivenessFastPath::nothingToCheck).orElse(false)
        && RateLimitFilter.exempts(PATH);
    setAllowEncodedSlash(jersey.isAllowEncodedSlash());
    setAllowCustomStatusMessage(jersey.isAllowCustomStatusMessage());
    setRequestURIEncoding(jersey.getRequestURIEncoding());
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
  public void start() {
    jersey.start();
  }

  @Override
  public void destroy() {
    jersey.destroy();
  }

  @Override
  public void service(Request request, Response response) throws Exception {
    if (!owns(request)) {
      jersey.service(request, response);
      return;
    }
    long started = System.nanoTime();
    byte[] body;
    try {
      body = json.writeValueAsBytes(HealthResource.liveness(health.liveness()));
    } catch (JsonProcessingException e) {
      jersey.service(request, response); // Jersey's mappers answer whatever it then meets
      return;
    }
    answer(request, response, body, started);
  }

  boolean owns(Request request) {
    Method method = request.getMethod();
    return enabled
        && (method == Method.GET || method == Method.HEAD)
        && PATH.equals(request.getRequestURI())
        && isEmpty(request.getQueryString())
        && acceptsJson(request);
  }

  /** No {@code Accept}, or one that plainly takes JSON; anything to negotiate is Jersey's. */
  private static boolean acceptsJson(Request request) {
    Iterator<String> values = request.getHeaders(ACCEPT).iterator();
    if (!values.hasNext()) {
      return true;
    }
    String accept = values.next().trim();
    return !values.hasNext() && (accept.equals("*/*") || accept.equals(JSON));
  }

  private void answer(Request request, Response response, byte[] body, long started) throws IOException {
    String method = request.getMethod().getMethodString();
    String id = RequestIds.accept(request.getHeader(RequestIds.HEADER));
    MDC.put(RequestIds.KEY, id);
    try {
      response.setStatus(200);
      response.setHeader(RequestIds.HEADER, id);
      deprecations.forRoute(method, PATH).ifPresent(headers -> headers.forEach(response::setHeader));
      cors.apply(request::getHeader, new GrizzlyHeaders(response));
      response.setContentType(JSON);
      response.setContentLength(body.length);
      accessLog.record(
          method, PATH, 200, System.nanoTime() - started, LOGGED_PATH, ClientAddresses.of(request), Actor.ANONYMOUS.name());
    } finally {
      MDC.remove(RequestIds.KEY);
    }
    if (request.getMethod() == Method.GET) {
      try (OutputStream out = response.getOutputStream()) {
        out.write(body);
      }
    }
  }

  private static boolean isEmpty(String text) {
    return text == null || text.isEmpty();
  }

  /** The CORS headers' way onto a Grizzly answer that has no {@code Vary} of its own yet. */
  private record GrizzlyHeaders(Response response) implements CorsResponseHeaders.Sink {
    @Override
    public void addVary(String token) {
      response.addHeader("Vary", token);
    }

    @Override
    public void put(String name, String value) {
      response.setHeader(name, value);
    }
  }
}
