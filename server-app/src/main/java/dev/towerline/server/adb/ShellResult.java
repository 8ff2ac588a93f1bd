package dev.towerline.server.adb;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How a shell command ended: it exited (with its status when known), ran out of time, or was
 * cancelled. In the last two cases its connection was closed, which stops it on the device.
 *
 * @param exitCode the exit status 0..255 when the command exited and the status is known: always
 *     with shell v2; with the legacy shell unless the command ended the shell itself ({@code exit
 *     N})
 * @param elapsed time from the call to the end
 */
public record ShellResult(Outcome outcome, OptionalInt exitCode, Duration elapsed) {

  /** How a command ended. */
  public enum Outcome {
    EXITED,
    TIMED_OUT,
    CANCELLED
  }

  public ShellResult {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(exitCode, "exitCode");
    Objects.requireNonNull(elapsed, "elapsed");
    if (outcome != Outcome.EXITED && exitCode.isPresent()) {
      throw new IllegalArgumentException(outcome + " has no exit code");
    }
  }

  public static ShellResult exited(OptionalInt exitCode, Duration elapsed) {
    return new ShellResult(Outcome.EXITED, exitCode, elapsed);
  }

  public static ShellResult timedOut(Duration elapsed) {
    return new ShellResult(Outcome.TIMED_OUT, OptionalInt.empty(), elapsed);
  }

  public static ShellResult cancelled(Duration elapsed) {
    return new ShellResult(Outcome.CANCELLED, OptionalInt.empty(), elapsed);
  }

  /** Whether the command exited with status 0. */
  public boolean succeeded() {
    return outcome == Outcome.EXITED && exitCode.isPresent() && exitCode.getAsInt() == 0;
  }
}
