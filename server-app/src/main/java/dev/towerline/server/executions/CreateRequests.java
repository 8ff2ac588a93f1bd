package dev.towerline.server.executions;

import dev.towerline.protocol.ErrorCode;
import dev.towerline.server.error.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The contract's rules for a create request and its {@code Idempotency-Key}. */
public final class CreateRequests {
  /** The bounds of CreateExecutionRequest in openapi.yaml. */
  public static final int MAX_SERIAL = 128;
  public static final int MAX_COMMAND = 4096;
  public static final int MIN_TIMEOUT_SECONDS = 1;
  public static final int MAX_TIMEOUT_SECONDS = 86_400;
  public static final int DEFAULT_TIMEOUT_SECONDS = 300;
  public static final int MAX_KEY = 255;

  private CreateRequests() {}

  /**
   * @param timeoutSeconds {@code null} for the default
   * @throws ApiException VALIDATION_FAILED listing every violated field
   */
  public static NewExecution validate(boolean bodyPresent, String deviceSerial, String command, Integer timeoutSeconds) {
    if (!bodyPresent) {
      throw violations(List.of(violation("body", "is required")));
    }
    List<Map<String, Object>> violations = new ArrayList<>();
    if (deviceSerial == null) {
      violations.add(violation("device_serial", "is required"));
    } else if (deviceSerial.isEmpty() || deviceSerial.length() > MAX_SERIAL) {
      violations.add(violation("device_serial", "must be 1 to " + MAX_SERIAL + " characters"));
    }
    if (command == null) {
      violations.add(violation("command", "is required"));
    } else if (command.isEmpty()) {
      violations.add(violation("command", "must not be empty"));
    } else if (command.length() > MAX_COMMAND) {
      violations.add(violation("command", "must be at most " + MAX_COMMAND + " characters"));
    }
    int timeout = timeoutSeconds == null ? DEFAULT_TIMEOUT_SECONDS : timeoutSeconds;
    if (timeout < MIN_TIMEOUT_SECONDS || timeout > MAX_TIMEOUT_SECONDS) {
      violations.add(violation("timeout_seconds", "must be between " + MIN_TIMEOUT_SECONDS + " and " + MAX_TIMEOUT_SECONDS));
    }
    if (!violations.isEmpty()) {
      throw violations(violations);
    }
    return new NewExecution(deviceSerial, command, timeout);
  }

  /**
   * @return empty when no key was sent
   * @throws ApiException INVALID_PARAMETER unless 1..255 visible ASCII characters
   */
  public static Optional<String> idempotencyKey(String key) {
    if (key == null) {
      return Optional.empty();
    }
    String reason = null;
    if (key.isEmpty()) {
      reason = "empty";
    } else if (key.length() > MAX_KEY) {
      reason = "too long";
    } else if (!key.chars().allMatch(c -> c >= 0x21 && c <= 0x7E)) {
      reason = "not visible ASCII";
    }
    if (reason != null) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("parameter", "Idempotency-Key");
      details.put("reason", reason);
      throw new ApiException(
          ErrorCode.INVALID_PARAMETER, "Idempotency-Key must be 1 to " + MAX_KEY + " visible ASCII characters", details);
    }
    return Optional.of(key);
  }

  private static Map<String, Object> violation(String field, String reason) {
    Map<String, Object> violation = new LinkedHashMap<>();
    violation.put("field", field);
    violation.put("reason", reason);
    return violation;
  }

  private static ApiException violations(List<Map<String, Object>> violations) {
    Map<String, Object> first = violations.get(0);
    return new ApiException(
        ErrorCode.VALIDATION_FAILED,
        "Request body is invalid: " + first.get("field") + " " + first.get("reason"),
        Map.of("violations", violations));
  }
}
