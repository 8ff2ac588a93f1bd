package dev.towerline.server.http.fast;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.towerline.server.auth.Actor;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * A handler in front of Jersey that answers the requests {@link #owns} takes itself, for an
 * anonymous caller, with the body {@link #body} makes, sent by {@link JsonAnswers}; every other
 * request, and one whose body it cannot make, goes to Jersey unchanged, so that Jersey's mappers
 * answer the failure with the envelope.
 */
abstract class JerseyFastPath extends HttpHandler implements InlineAnswers {
  private static final String ANONYMOUS = Actor.ANONYMOUS.name();

  private final HttpHandler jersey;
  private final String route;
  private final JsonAnswers answers;

  /** @param route the route template the access log names */
  JerseyFastPath(HttpHandler jersey, String route, JsonAnswers answers) {
    this.jersey = jersey;
    this.route = route;
    this.answers = answers;
    setAllowEncodedSlash(jersey.isAllowEncodedSlash());
    setAllowCustomStatusMessage(jersey.isAllowCustomStatusMessage());
    setRequestURIEncoding(jersey.getRequestURIEncoding());
  }

  abstract boolean owns(Request request);

  /** What this path or a fast path behind it answers itself. */
  @Override
  public final boolean answersInline(Request request) {
    return owns(request) || (jersey instanceof InlineAnswers next && next.answersInline(request));
  }

  /** The JSON answer to a request {@link #owns} took. */
  abstract byte[] body(Request request) throws JsonProcessingException;

  @Override
  public final void start() {
    jersey.start();
  }

  @Override
  public final void destroy() {
    jersey.destroy();
  }

  @Override
  public final void service(Request request, Response response) throws Exception {
    if (!owns(request)) {
      jersey.service(request, response);
      return;
    }
    long started = System.nanoTime();
    byte[] body;
    try {
      body = body(request);
    } catch (JsonProcessingException | RuntimeException e) {
      jersey.service(request, response);
      return;
    }
    answers.send(request, response, route, ANONYMOUS, body, started);
  }
}
