package dev.towerline.server.adb;

import dev.towerline.protocol.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An ADB call that did not succeed. The message is safe to show to an operator: it names the ADB
 * server or the device and says what happened, never a stack trace or class name.
 *
 * <ul>
 *   <li>{@link AdbServerUnavailableException}: the ADB server could not be reached.
 *   <li>{@link AdbDeviceNotFoundException}: ADB does not know the serial.
 *   <li>{@link AdbCommandFailedException}: ADB or the device refused or dropped the command.
 *   <li>{@link AdbTimeoutException}: no answer within the call's time limit.
 *   <li>{@link AdbCircuitOpenException}: refused without asking ADB, because a breaker is open.
 * </ul>
 */
public abstract class AdbException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String operation;
  private final String serial;
  private volatile int attempts;

  /**
   * @param operation what was asked of ADB: {@code version}, {@code devices}, {@code track},
   *     {@code properties}, {@code battery} or {@code shell}
   * @param serial the device the call was for; {@code null} for a call to the ADB server itself
   * @param cause what went wrong underneath, for logs only; {@code null} for none
   */
  protected AdbException(String message, String operation, String serial, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.operation = Objects.requireNonNull(operation, "operation");
    this.serial = serial;
  }

  /** What was asked of ADB, e.g. {@code properties}; also the {@code operation} metric tag. */
  public String operation() {
    return operation;
  }

  /** The device the call was for; empty for calls to the ADB server itself. */
  public Optional<String> serial() {
    return Optional.ofNullable(serial);
  }

  /** The contract's code for this failure, for error envelopes and a device's link. */
  public abstract ErrorCode errorCode();

  /**
   * Whether the command had started on the device before it failed: then output may already have
   * reached the caller, and the call is never retried.
   */
  public boolean commandStarted() {
    return false;
  }

  /**
   * How many times the call reached ADB before it gave up, retries included; 0 when unknown (a
   * failure that did not come out of {@link ResilientAdbGateway}).
   */
  public int attempts() {
    return attempts;
  }

  void attempts(int count) {
    this.attempts = count;
  }

  /**
   * Structured context for an error envelope: {@code serial}, {@code operation}, and {@code
   * attempts} when known.
   */
  public Map<String, Object> details() {
    Map<String, Object> details = new LinkedHashMap<>();
    if (serial != null) {
      details.put("serial", serial);
    }
    details.put("operation", operation);
    if (attempts > 0) {
      details.put("attempts", attempts);
    }
    return details;
  }
}
