package dev.towerline.server.http.error;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * HTTP errors raised by Jersey or Grizzly that have no more specific mapper. The few statuses with
 * a generic contract code keep their status; any other is a server bug and answers 500.
 */
@Provider
public final class WebApplicationExceptionMapper
    implements ExceptionMapper<WebApplicationException> {

  private final ErrorResponses errors;

  @Inject
  public WebApplicationExceptionMapper(ErrorResponses errors) {
    this.errors = errors;
  }

  @Override
  public Response toResponse(WebApplicationException exception) {
    return ErrorResponses.genericErrorFor(exception.getResponse().getStatus())
        .map(generic -> errors.envelope(generic.code(), generic.message(), Map.of()).build())
        .orElseGet(() -> errors.unexpected(exception));
  }
}
