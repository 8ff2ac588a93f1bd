package dev.towerline.server.http.fast;

import dev.towerline.server.edge.cors.CorsResponseHeaders;
import dev.towerline.server.http.AccessLog;
import dev.towerline.server.http.ClientAddresses;
import dev.towerline.server.http.DeprecationHeaders;
import dev.towerline.server.http.RequestIds;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.slf4j.MDC;

/**
 * A fast path's 200 JSON answer with what Jersey's filters add to one: {@code X-Request-Id},
 * deprecation and CORS headers, the access-log line and its latency sample, all from the
 * components those filters use.
 */
final class JsonAnswers {
  static final String JSON = "application/json";
  private static final String ACCEPT = "Accept";

  private final AccessLog accessLog;
  private final CorsResponseHeaders cors;
  private final DeprecationHeaders deprecations;

  JsonAnswers(AccessLog accessLog, CorsResponseHeaders cors, DeprecationHeaders deprecations) {
    this.accessLog = accessLog;
    this.cors = cors;
    this.deprecations = deprecations;
  }

  /** No {@code Accept}, or one that plainly takes JSON; anything to negotiate is Jersey's. */
  static boolean acceptsJson(Request request) {
    Iterator<String> values = request.getHeaders(ACCEPT).iterator();
    if (!values.hasNext()) {
      return true;
    }
    String accept = values.next().trim();
    return !values.hasNext() && (accept.equals("*/*") || accept.equals(JSON));
  }

  /**
   * @param route the route template, as Jersey names the matched resource method
   * @param started {@link System#nanoTime()} when the fast path took the request
   */
  void send(Request request, Response response, String route, String actor, byte[] body, long started) throws IOException {
    String method = request.getMethod().getMethodString();
    String id = RequestIds.accept(request.getHeader(RequestIds.HEADER));
    MDC.put(RequestIds.KEY, id);
    try {
      response.setStatus(200);
      response.setHeader(RequestIds.HEADER, id);
      deprecations.forRoute(method, route).ifPresent(headers -> headers.forEach(response::setHeader));
      cors.apply(request::getHeader, new GrizzlyHeaders(response));
      response.setContentType(JSON);
      response.setContentLength(body.length);
      // The path as Jersey reports it: relative to the base URI.
      accessLog.record(
          method, route, 200, System.nanoTime() - started, route.substring(1), ClientAddresses.of(request), actor);
    } finally {
      MDC.remove(RequestIds.KEY);
    }
    if (request.getMethod() == Method.GET) {
      try (OutputStream out = response.getOutputStream()) {
        out.write(body);
      }
    }
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
