package dev.towerline.server.adb;

/**
 * Which failed ADB calls are tried again (after a back-off wait). One rule per line, first match
 * wins; anything not named is not retried.
 */
final class AdbRetryRule {

  private AdbRetryRule() {}

  static boolean isRetryable(Throwable failure) {
    // An open breaker already answered "not now"; asking it again at once changes nothing.
    if (failure instanceof AdbCircuitOpenException) return false;
    // The output already reached the caller: running the command again would repeat it.
    if (failure instanceof AdbException e && e.commandStarted()) return false;
    // ADB does not know the device; asking again will not plug it in.
    if (failure instanceof AdbDeviceNotFoundException) return false;
    // A hanging ADB would hang again: one time limit per call, and the breaker counts it.
    if (failure instanceof AdbTimeoutException) return false;
    // The server refused the connection or dropped it unanswered: it may be restarting.
    if (failure instanceof AdbServerUnavailableException) return true;
    // ADB refused to start the command for a reason that may pass, or the connection died before
    // the command started: nothing ran, so another try is safe.
    if (failure instanceof AdbCommandFailedException e) return e.transientFailure();
    // Anything else is a bug or a refusal with a reason ("device offline"): not worth repeating.
    return false;
  }
}
