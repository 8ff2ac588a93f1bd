package dev.towerline.server.adb;

/**
 * What each circuit breaker counts. A failure not recorded and not ignored counts as a success:
 * for the server breaker a device's {@code FAIL} reply proves the server answered.
 */
final class AdbBreakerRules {

  private AdbBreakerRules() {}

  /** Failures of the ADB server itself. */
  static boolean serverFailure(Throwable failure) {
    // The server did not accept a connection, or dropped it unanswered.
    if (failure instanceof AdbServerUnavailableException) return true;
    // The server's own query (no device involved) got no answer in time.
    return failure instanceof AdbTimeoutException e && e.serial().isEmpty();
  }

  /** Outcomes that say nothing about the ADB server. */
  static boolean serverIgnores(Throwable failure) {
    // A device call timed out: the device may be the one to blame.
    if (failure instanceof AdbTimeoutException e && e.serial().isPresent()) return true;
    // A device breaker refused: nothing reached the server.
    return failure instanceof AdbCircuitOpenException;
  }

  /** Failures of the link to a device. */
  static boolean deviceFailure(Throwable failure) {
    // ADB or the device refused, dropped or lost the command.
    if (failure instanceof AdbCommandFailedException) return true;
    // No answer in time.
    if (failure instanceof AdbTimeoutException) return true;
    // ADB no longer knows the device.
    return failure instanceof AdbDeviceNotFoundException;
  }

  /** Outcomes that say nothing about the device. */
  static boolean deviceIgnores(Throwable failure) {
    // The server could not be reached: its own breaker counts that.
    return failure instanceof AdbServerUnavailableException
        || failure instanceof AdbCircuitOpenException;
  }
}
