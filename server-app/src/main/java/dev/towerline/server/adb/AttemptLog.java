package dev.towerline.server.adb;

import java.util.function.Supplier;

/**
 * The attempts of one retried ADB call: how many reached ADB, and the last failure ADB gave. When
 * a call's own failures open a breaker, its next try is refused by that breaker; the caller is
 * then told what ADB said, not that the breaker it tripped itself is open.
 */
final class AttemptLog {

  private int reachedAdb;
  private AdbException lastAdbFailure;

  /** Runs one attempt, noting whether it reached ADB and how it failed. */
  <T> T attempt(Supplier<T> call) {
    try {
      return call.get();
    } catch (AdbCircuitOpenException refused) {
      throw refused;
    } catch (RuntimeException e) {
      reachedAdb++;
      if (e instanceof AdbException failure) {
        lastAdbFailure = failure;
      }
      throw e;
    }
  }

  /** What the caller is told when the call finally failed with {@code failure}. */
  RuntimeException outcome(RuntimeException failure) {
    RuntimeException told = failure instanceof AdbCircuitOpenException && lastAdbFailure != null
        ? lastAdbFailure : failure;
    if (told instanceof AdbException adb && reachedAdb > 0) {
      adb.attempts(reachedAdb);
    }
    return told;
  }
}
