package dev.towerline.server.executions;

import dev.towerline.protocol.ApiError;
import dev.towerline.protocol.ErrorCode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Why an execution did not succeed: the contract's error object, immutable. */
public record ExecutionError(ErrorCode code, String message, Map<String, Object> details) {
  public ExecutionError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }

  public static ExecutionError of(ErrorCode code, String message) {
    return new ExecutionError(code, message, Map.of());
  }

  ApiError toContract() {
    ApiError error = new ApiError().withCode(code).withMessage(message);
    return details.isEmpty() ? error : error.withDetails(new LinkedHashMap<>(details));
  }
}
