package dev.towerline.server.executions;

import dev.towerline.protocol.ErrorCode;
import dev.towerline.protocol.ExecutionStatus;
import dev.towerline.server.adb.AdbCommandFailedException;
import dev.towerline.server.adb.AdbDeviceNotFoundException;
import dev.towerline.server.adb.AdbException;
import dev.towerline.server.adb.ShellResult;
import java.util.LinkedHashMap;
import java.util.Map;

/** How the end of a shell command becomes an execution's final status and error. */
final class ShellOutcomes {
  private ShellOutcomes() {}

  /** A final status, exit code and error, ready for {@link ExecutionRecord#finished}. */
  record Outcome(ExecutionStatus status, Integer exitCode, ExecutionError error) {}

  /** Why a run was stopped from this side. */
  enum StopReason {
    CLIENT_CANCEL,
    SERVER_STOP
  }

  static Outcome of(ShellResult result, int timeoutSeconds, StopReason stopReason) {
    switch (result.outcome()) {
      case TIMED_OUT:
        return new Outcome(
            ExecutionStatus.TIMED_OUT,
            null,
            new ExecutionError(
                ErrorCode.EXECUTION_TIMED_OUT,
                "Command did not finish within " + timeoutSeconds + " s and was stopped",
                Map.of("timeout_seconds", timeoutSeconds)));
      case CANCELLED:
        return stopped(stopReason == null ? StopReason.CLIENT_CANCEL : stopReason);
      default:
        break;
    }
    if (result.exitCode().isEmpty()) {
      // The command ended the shell itself (`exit N` over the legacy shell): success is unknown.
      return new Outcome(
          ExecutionStatus.ERROR,
          null,
          ExecutionError.of(ErrorCode.ADB_COMMAND_FAILED, "The command ended the device's shell; its exit status is unknown"));
    }
    int exitCode = result.exitCode().getAsInt();
    if (exitCode == 0) {
      return new Outcome(ExecutionStatus.SUCCEEDED, 0, null);
    }
    return new Outcome(
        ExecutionStatus.FAILED,
        exitCode,
        new ExecutionError(ErrorCode.COMMAND_FAILED, "Command exited with status " + exitCode, Map.of("exit_code", exitCode)));
  }

  static Outcome stopped(StopReason reason) {
    return reason == StopReason.SERVER_STOP
        ? new Outcome(ExecutionStatus.INTERRUPTED, null, interrupted())
        : new Outcome(ExecutionStatus.CANCELLED, null, ExecutionError.of(ErrorCode.EXECUTION_CANCELLED, "Cancelled by a client"));
  }

  static ExecutionError interrupted() {
    return ExecutionError.of(
        ErrorCode.EXECUTION_INTERRUPTED,
        "The server stopped while the execution was queued or running; its outcome on the device is unknown");
  }

  /** ADB could not run the command, or lost the device while it ran. */
  static Outcome of(AdbException failure) {
    ErrorCode code = failure instanceof AdbDeviceNotFoundException ? ErrorCode.DEVICE_DISCONNECTED : failure.errorCode();
    if (code != ErrorCode.DEVICE_CIRCUIT_OPEN
        && code != ErrorCode.ADB_UNAVAILABLE
        && code != ErrorCode.DEVICE_DISCONNECTED) {
      code = ErrorCode.ADB_COMMAND_FAILED;
    }
    Map<String, Object> details = new LinkedHashMap<>(failure.details());
    details.put("cause", failure.getMessage());
    String message =
        switch (code) {
          case DEVICE_CIRCUIT_OPEN -> "The device's ADB circuit breaker is open: " + failure.getMessage();
          case ADB_UNAVAILABLE -> "ADB could not be reached: " + failure.getMessage();
          case DEVICE_DISCONNECTED -> failure instanceof AdbCommandFailedException
              ? "The device left ADB while the command ran: " + failure.getMessage()
              : "The device is no longer known to ADB: " + failure.getMessage();
          default -> "ADB could not run the command: " + failure.getMessage();
        };
    return new Outcome(ExecutionStatus.ERROR, null, new ExecutionError(code, message, details));
  }
}
