package dev.towerline.server.http.error;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import dev.towerline.protocol.ErrorCode;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/**
 * The body is well-formed JSON of the wrong shape (a string where a number belongs, an unknown
 * enum value): 400 {@code VALIDATION_FAILED} naming the field. Failures caused by our own types
 * ({@link InvalidDefinitionException}) or while writing a response are server faults.
 */
@Provider
public final class JsonBindingExceptionMapper implements ExceptionMapper<JsonMappingException> {

  private final ErrorResponses errors;

  @Inject
  public JsonBindingExceptionMapper(ErrorResponses errors) {
    this.errors = errors;
  }

  @Override
  public Response toResponse(JsonMappingException exception) {
    if (!(exception.getProcessor() instanceof JsonParser)
        || exception instanceof InvalidDefinitionException) {
      return errors.unexpected(exception);
    }
    String field = JsonProblems.field(exception);
    String reason = JsonProblems.bindingReason(exception);
    return errors
        .envelope(
            ErrorCode.VALIDATION_FAILED,
            "Request body is invalid: " + field + " " + reason,
            Map.of("violations", List.of(Map.of("field", field, "reason", reason))))
        .build();
  }
}
