package dev.towerline.server.http.grizzly;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.http.RequestIds;
import dev.towerline.server.http.error.ErrorResponses;
import dev.towerline.server.http.error.ErrorResponses.GenericError;
import java.net.URISyntaxException;
import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Renders errors that Grizzly answers itself, before or around Jersey (a request URI Jersey cannot
 * parse, a failure in the container), as the contract's JSON envelope instead of Grizzly's HTML
 * page, which would show the exception and its stack trace.
 */
public final class JsonErrorPageGenerator implements ErrorPageGenerator {

  private static final Logger log = LoggerFactory.getLogger(JsonErrorPageGenerator.class);

  private final EnvelopeWriter envelopes;

  public JsonErrorPageGenerator(ErrorResponses errors, ObjectMapper json) {
    this.envelopes = new EnvelopeWriter(errors, json);
  }

  @Override
  public String generate(
      Request request, int status, String reasonPhrase, String description, Throwable exception) {
    String requestId = RequestIds.accept(request.getHeader(RequestIds.HEADER));
    GenericError error = classify(status, exception);
    if (clientWentAway(request, exception)) {
      // Nothing can reach the client any more, and its leaving is no fault of ours.
      log.debug("The client went away before the answer to {} was written", request.getRequestURI(), exception);
    } else if (error.code() == ErrorCode.INTERNAL_ERROR) {
      MDC.put(RequestIds.KEY, requestId);
      try {
        log.error("Request failed outside the REST layer with status {}", status, exception);
      } finally {
        MDC.remove(RequestIds.KEY);
      }
    }
    Response response = request.getResponse();
    // Grizzly set the status already, but nothing is written until the page is returned.
    response.setStatus(envelopes.status(error.code()));
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.setHeader(RequestIds.HEADER, requestId);
    return envelopes.json(error.code(), error.message(), requestId);
  }

  private static GenericError classify(int status, Throwable exception) {
    if (causedBy(exception, URISyntaxException.class)) {
      // Jersey cannot build a URI from the request line: the client's error, not ours.
      return new GenericError(ErrorCode.INVALID_PARAMETER, "The request URI is malformed");
    }
    return ErrorResponses.genericErrorFor(status)
        .orElse(new GenericError(ErrorCode.INTERNAL_ERROR, ErrorResponses.INTERNAL_ERROR_MESSAGE));
  }

  private static boolean clientWentAway(Request request, Throwable exception) {
    // Jersey reports a failed write without its cause; the closed connection tells.
    return (exception == null || ClientGoneLogFilter.causedByIo(exception))
        && !request.getRequest().getConnection().isOpen();
  }

  private static boolean causedBy(Throwable exception, Class<? extends Throwable> type) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
