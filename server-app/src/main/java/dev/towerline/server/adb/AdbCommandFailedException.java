package dev.towerline.server.adb;

import dev.towerline.protocol.ErrorCode;

/**
 * ADB or the device refused the command ({@code FAIL} with ADB's reason, such as "device
 * offline"), dropped it before it started, or lost the device while it ran.
 */
public class AdbCommandFailedException extends AdbException {

  private static final long serialVersionUID = 1L;

  private final boolean transientFailure;
  private final boolean commandStarted;

  /**
   * @param transientFailure whether trying again soon may well succeed, as when adbd drops a
   *     service ("closed") or a connection is cut before the command started
   * @param commandStarted whether the command was running when it failed
   * @param cause what went wrong underneath, for logs; {@code null} for none
   */
  public AdbCommandFailedException(String message, String operation, String serial,
      boolean transientFailure, boolean commandStarted, Throwable cause) {
    super(message, operation, serial, cause);
    this.transientFailure = transientFailure;
    this.commandStarted = commandStarted;
  }

  /** Whether trying again soon may well succeed. */
  public boolean transientFailure() {
    return transientFailure;
  }

  @Override
  public boolean commandStarted() {
    return commandStarted;
  }

  /** {@code DEVICE_DISCONNECTED} when the device was lost mid-command, else {@code ADB_COMMAND_FAILED}. */
  @Override
  public ErrorCode errorCode() {
    return commandStarted ? ErrorCode.DEVICE_DISCONNECTED : ErrorCode.ADB_COMMAND_FAILED;
  }
}
