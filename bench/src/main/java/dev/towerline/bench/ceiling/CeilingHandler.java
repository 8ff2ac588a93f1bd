package dev.towerline.bench.ceiling;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * Serves, per path and query, the bytes uploaded with {@code PUT /__ceiling/body?path=<path and
 * query>} (body: the bytes, {@code Content-Type}: theirs). Anything not uploaded is a 404. {@code
 * POST /__ceiling/broadcast} sends its body as one text frame to every client of the ceiling's feed.
 */
final class CeilingHandler extends HttpHandler {
  static final String UPLOAD_PATH = "/__ceiling/body";
  static final String BROADCAST_PATH = "/__ceiling/broadcast";

  private record Body(byte[] bytes, String contentType) {}

  private final Map<String, Body> bodies = new ConcurrentHashMap<>();
  private final CeilingFeed feed;

  CeilingHandler(CeilingFeed feed) {
    this.feed = feed;
  }

  @Override
  public void service(Request request, Response response) throws IOException {
    if (UPLOAD_PATH.equals(request.getRequestURI()) && request.getMethod() == Method.PUT) {
      String contentType = request.getContentType();
      bodies.put(request.getParameter("path"), new Body(request.getInputStream().readAllBytes(),
          contentType == null ? "application/json" : contentType));
      response.setStatus(204);
      return;
    }
    if (BROADCAST_PATH.equals(request.getRequestURI()) && request.getMethod() == Method.POST) {
      int sent = feed.broadcast(new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      response.setHeader("X-Sent", Integer.toString(sent));
      response.setStatus(204);
      return;
    }
    String query = request.getQueryString();
    Body body = bodies.get(query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query);
    if (body == null) {
      response.setStatus(404);
      return;
    }
    response.setContentType(body.contentType());
    response.setContentLength(body.bytes().length);
    try (OutputStream out = response.getOutputStream()) {
      out.write(body.bytes());
    }
  }
}
