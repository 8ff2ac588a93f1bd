package dev.towerline.server.http.error;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.towerline.server.error.ApiException;
import dev.towerline.server.json.MalformedJson;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A request body Jackson could not read: 400 {@code MALFORMED_JSON} in our own words, with the line
 * and column where parsing failed. A parser limit (nesting depth, number length) is the client's
 * too, though Jackson raises it without a parser. A failure while writing a response is a server
 * fault instead.
 */
@Provider
public final class MalformedJsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {

  private final ErrorResponses errors;

  @Inject
  public MalformedJsonExceptionMapper(ErrorResponses errors) {
    this.errors = errors;
  }

  @Override
  public Response toResponse(JsonProcessingException exception) {
    boolean reading =
        exception.getProcessor() instanceof JsonParser
            || (exception instanceof StreamConstraintsException && !(exception.getProcessor() instanceof JsonGenerator));
    if (!reading) {
      return errors.unexpected(exception);
    }
    ApiException refusal = MalformedJson.of(exception);
    return errors.envelope(refusal.code(), refusal.getMessage(), refusal.details()).build();
  }
}
