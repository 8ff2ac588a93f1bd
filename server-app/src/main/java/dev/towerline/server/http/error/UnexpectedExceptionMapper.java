package dev.towerline.server.http.error;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Anything else: 500 {@code INTERNAL_ERROR} with a generic message. The exception is logged with
 * the request id; nothing of it (class, message, stack) reaches the client.
 */
@Provider
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private final ErrorResponses errors;

  @Inject
  public UnexpectedExceptionMapper(ErrorResponses errors) {
    this.errors = errors;
  }

  @Override
  public Response toResponse(Throwable exception) {
    return errors.unexpected(exception);
  }
}
