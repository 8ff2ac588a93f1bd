package dev.towerline.server.http.error;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.towerline.protocol.ErrorCode;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The request body is not parseable JSON: 400 {@code MALFORMED_JSON} with the line and column
 * where parsing failed. A Jackson failure while writing a response is a server fault instead.
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
    if (!(exception.getProcessor() instanceof JsonParser)) {
      return errors.unexpected(exception);
    }
    Map<String, Object> details = new LinkedHashMap<>();
    JsonLocation location = exception.getLocation();
    if (location != null) {
      details.put("line", location.getLineNr());
      details.put("column", location.getColumnNr());
    }
    return errors
        .envelope(
            ErrorCode.MALFORMED_JSON,
            "Request body is not valid JSON: " + JsonProblems.syntaxReason(exception),
            details)
        .build();
  }
}
