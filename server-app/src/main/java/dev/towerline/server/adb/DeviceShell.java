package dev.towerline.server.adb;

import dev.towerline.server.adb.internal.AdbSocket;
import dev.towerline.server.adb.internal.Deadline;
import dev.towerline.server.adb.internal.ShellService;
import dev.towerline.server.adb.internal.ShellStreamReader;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Objects;

/**
 * Runs shell commands on devices, over shell v2 when the device has it and the legacy shell
 * otherwise, streaming output to the sink as it arrives. Starting a command is bounded by the
 * call time-out and the command's own {@link ShellOptions#timeout()}, whichever ends first; the
 * run by the command's time-out alone. A time-out or cancellation closes the connection, which
 * stops the command on the device.
 */
final class DeviceShell {

  private final AdbServerConnector connector;
  private final DeviceFeatures features;
  private final AdbFailures failures;
  private final Duration callTimeout;

  DeviceShell(AdbServerConnector connector, AdbFailures failures, Duration callTimeout) {
    this.connector = connector;
    this.features = new DeviceFeatures(connector);
    this.failures = failures;
    this.callTimeout = callTimeout;
  }

  /** Runs {@code command}; its time-out or cancellation is a result, not an exception. */
  ShellResult run(
      String operation, String serial, String command, ShellOptions options, OutputSink sink) {
    checkArguments(serial, command, options, sink);
    long started = System.nanoTime();
    CancellationSignal cancellation = options.cancellation();
    Deadline run = Deadline.after(options.timeout());
    Deadline setup = Deadline.after(callTimeout).earlier(run);
    AdbSocket socket = new AdbSocket();
    CancellationSignal.Registration onCancel = cancellation.onCancel(socket::close);
    try {
      if (cancellation.isCancelled()) {
        return ShellResult.cancelled(since(started));
      }
      ShellStreamReader reader;
      try {
        reader = start(socket, operation, serial, command, sink, setup);
      } catch (AdbException e) {
        if (cancellation.isCancelled()) {
          return ShellResult.cancelled(since(started));
        }
        if (e instanceof AdbTimeoutException && run.expired()) {
          return ShellResult.timedOut(since(started));
        }
        throw e;
      }
      socket.deadline(run);
      try {
        return ShellResult.exited(reader.readToEnd(socket), since(started));
      } catch (IOException e) {
        reader.flushHeld();
        if (cancellation.isCancelled()) {
          return ShellResult.cancelled(since(started));
        }
        if (e instanceof SocketTimeoutException && run.expired()) {
          return ShellResult.timedOut(since(started));
        }
        throw new AdbCommandFailedException("the connection to device '" + serial
            + "' was lost while " + operation + " ran", operation, serial, false, true, e);
      }
    } finally {
      onCancel.close();
      // Closing stops the command on the device, as the adb client does on Ctrl-C.
      socket.close();
    }
  }

  /** Runs a read-only command within the call time-out and returns its stdout. */
  String collect(String operation, String serial, String command) {
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    ShellResult result;
    try {
      result = run(operation, serial, command, ShellOptions.ofTimeout(callTimeout),
          OutputSink.collecting(out, err));
    } catch (AdbCommandFailedException e) {
      if (!e.commandStarted()) {
        throw e;
      }
      // getprop and dumpsys only read, so one cut off midway may simply run again.
      throw new AdbCommandFailedException(e.getMessage(), operation, serial, true, false, e);
    }
    if (result.outcome() != ShellResult.Outcome.EXITED) {
      throw new AdbTimeoutException("device '" + serial + "' did not finish " + operation
          + " within " + callTimeout.toMillis() + " ms", operation, serial, callTimeout);
    }
    int status = result.exitCode().orElse(0);
    if (status != 0) {
      String reason = err.toString().lines().findFirst().orElse("").strip();
      throw new AdbCommandFailedException("'" + command + "' exited with status " + status
          + " on device '" + serial + "'" + (reason.isEmpty() ? "" : ": " + reason), operation,
          serial, false, false, null);
    }
    return out.toString();
  }

  private static void checkArguments(
      String serial, String command, ShellOptions options, OutputSink sink) {
    Objects.requireNonNull(serial, "serial");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(sink, "sink");
    if (Objects.requireNonNull(command, "command").isBlank()) {
      throw new IllegalArgumentException("shell command must not be blank");
    }
  }

  private ShellStreamReader start(AdbSocket socket, String operation, String serial,
      String command, OutputSink sink, Deadline setup) {
    ShellService service =
        ShellService.of(features.supportsShellV2(operation, serial, setup), command, sink);
    connector.openService(socket, operation, serial, service.request(), setup);
    try {
      service.started(socket);
    } catch (IOException e) {
      throw failures.setupFailure(operation, serial, setup, e);
    }
    return service.reader();
  }

  private static Duration since(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }
}
