package dev.towerline.server.http.error;

import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.adb.AdbCircuitOpenException;
import dev.towerline.server.adb.AdbException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ADB failures that reach a request: an open breaker is a 503 with {@code Retry-After}; codes that
 * only exist inside executions (a failed command, a vanished device) travel as ADB_UNAVAILABLE
 * with the original code in {@code details.cause_code}.
 */
@Provider
public final class AdbExceptionMapper implements ExceptionMapper<AdbException> {
  private final ErrorResponses errors;

  @Inject
  public AdbExceptionMapper(ErrorResponses errors) {
    this.errors = errors;
  }

  @Override
  public Response toResponse(AdbException exception) {
    ErrorCode code = exception.errorCode();
    Map<String, Object> details = new LinkedHashMap<>(exception.details());
    if (!errors.travelsOverHttp(code)) {
      details.put("cause_code", code.value());
      code = ErrorCode.ADB_UNAVAILABLE;
    }
    Response.ResponseBuilder response = errors.envelope(code, exception.getMessage(), details);
    if (exception instanceof AdbCircuitOpenException open) {
      response.header(HttpHeaders.RETRY_AFTER, open.retryAfterSeconds());
    }
    return response.build();
  }
}
