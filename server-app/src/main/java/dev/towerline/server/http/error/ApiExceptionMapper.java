package dev.towerline.server.http.error;

import dev.towerline.server.error.ApiException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Renders the domain's {@link ApiException} with its code's status and {@code Retry-After}. */
@Provider
public final class ApiExceptionMapper implements ExceptionMapper<ApiException> {

  private final ErrorResponses errors;

  @Inject
  public ApiExceptionMapper(ErrorResponses errors) {
    this.errors = errors;
  }

  @Override
  public Response toResponse(ApiException exception) {
    Response.ResponseBuilder response =
        errors.envelope(exception.code(), exception.getMessage(), exception.details());
    exception
        .retryAfter()
        // Whole seconds, rounded up so a client never retries early.
        .ifPresent(
            delay ->
                response.header(
                    HttpHeaders.RETRY_AFTER, delay.plusNanos(999_999_999).getSeconds()));
    return response.build();
  }
}
