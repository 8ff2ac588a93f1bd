package dev.towerline.server.adb;

import dev.towerline.protocol.ErrorCode;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * ADB did not answer within the call's time limit. The caller got its thread back at the limit;
 * the connection was closed. Not retried: a hanging ADB would only hang again.
 */
public class AdbTimeoutException extends AdbException {

  private static final long serialVersionUID = 1L;

  private final Duration limit;

  /**
   * @param serial the device the call was for; {@code null} for a call to the ADB server itself
   * @param limit the time limit that passed
   */
  public AdbTimeoutException(String message, String operation, String serial, Duration limit) {
    super(message, operation, serial, null);
    this.limit = Objects.requireNonNull(limit, "limit");
  }

  public Duration limit() {
    return limit;
  }

  /** {@code ADB_UNAVAILABLE} for the server's own queries, {@code ADB_COMMAND_FAILED} for devices. */
  @Override
  public ErrorCode errorCode() {
    return serial().isPresent() ? ErrorCode.ADB_COMMAND_FAILED : ErrorCode.ADB_UNAVAILABLE;
  }

  @Override
  public Map<String, Object> details() {
    Map<String, Object> details = super.details();
    details.put("timeout_ms", limit.toMillis());
    return details;
  }
}
