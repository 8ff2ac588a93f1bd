package dev.towerline.server.adb;

import dev.towerline.protocol.ErrorCode;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Refused at once, without asking ADB, because a circuit breaker is open: the device's after
 * repeated failures of its commands, or the ADB server's after repeated failures to reach it. The
 * message names what refused and when to come back, in the words of resilience4j's {@code
 * CallNotPermittedException}: "ADB circuit breaker for device 'R58M123ABC' is open; retry in 21 s".
 */
public class AdbCircuitOpenException extends AdbException {

  private static final long serialVersionUID = 1L;

  private final String breaker;
  private final Duration retryAfter;

  /**
   * @param breaker the breaker's name: {@code device:<serial>} or {@code adb-server}
   * @param serial the device whose breaker refused; {@code null} when the ADB server's did
   * @param retryAfter when the breaker lets a trial call through; zero or more
   */
  public AdbCircuitOpenException(String message, String breaker, String operation, String serial,
      Duration retryAfter) {
    super(message, operation, serial, null);
    this.breaker = Objects.requireNonNull(breaker, "breaker");
    if (retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must not be negative: " + retryAfter);
    }
    this.retryAfter = retryAfter;
  }

  /** The breaker that refused: {@code device:<serial>} or {@code adb-server}. */
  public String breaker() {
    return breaker;
  }

  /** When the breaker lets a trial call through. */
  public Duration retryAfter() {
    return retryAfter;
  }

  /** {@link #retryAfter()} in whole seconds, rounded up, for {@code Retry-After}. */
  public long retryAfterSeconds() {
    return ceilSeconds(retryAfter);
  }

  /** {@code DEVICE_CIRCUIT_OPEN} for a device's breaker, {@code ADB_UNAVAILABLE} for the server's. */
  @Override
  public ErrorCode errorCode() {
    return serial().isPresent() ? ErrorCode.DEVICE_CIRCUIT_OPEN : ErrorCode.ADB_UNAVAILABLE;
  }

  @Override
  public Map<String, Object> details() {
    Map<String, Object> details = super.details();
    details.put("retry_after_seconds", retryAfterSeconds());
    return details;
  }

  static long ceilSeconds(Duration duration) {
    long seconds = duration.getSeconds();
    return duration.getNano() > 0 ? seconds + 1 : seconds;
  }
}
