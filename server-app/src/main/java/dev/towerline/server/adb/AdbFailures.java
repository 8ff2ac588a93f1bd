package dev.towerline.server.adb;

import dev.towerline.server.adb.internal.Deadline;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Words what went wrong on a connection to one ADB server as the {@link AdbException} an operator
 * reads: which server or device, which operation, and whether another try may help.
 */
final class AdbFailures {

  private static final Pattern NOT_FOUND = Pattern.compile("device '(.*)' not found");
  /**
   * Refusals to start a command that another try seconds later would get again, in the words of
   * the real server's {@code acquire_one_transport}: the device is offline, not (yet) authorized,
   * absent or ambiguous. Any other refusal to start is worth another try: nothing ran.
   */
  private static final Pattern PERMANENT_START_REFUSAL = Pattern.compile(
      "device (offline|unauthorized|still authorizing)|no (devices|emulators)|more than one");

  private final String adbServer;

  AdbFailures(String adbServer) {
    this.adbServer = adbServer;
  }

  /** The server did not take the connection; {@code why} says how, in a few words. */
  AdbServerUnavailableException unreachable(
      String operation, String serial, String why, Throwable cause) {
    return new AdbServerUnavailableException(adbServer,
        "ADB server " + adbServer + " is not reachable: " + why, operation, serial, cause);
  }

  /** A connection that failed to open, in a few words. */
  static String describe(IOException e) {
    if (e instanceof ConnectException) {
      return "connection refused";
    }
    if (e instanceof UnknownHostException) {
      return "unknown host";
    }
    return "connection failed";
  }

  /** A host query, or the start of device tracking, that got no proper answer. */
  AdbException hostFailure(
      String operation, String serial, Deadline deadline, IOException failure) {
    String what = serial == null ? operation : operation + " for device '" + serial + "'";
    if (failure instanceof SocketTimeoutException) {
      return new AdbTimeoutException("ADB server " + adbServer + " did not answer " + what
          + " within " + deadline.limit().toMillis() + " ms", operation, serial, deadline.limit());
    }
    if (failure instanceof ProtocolException) {
      return new AdbServerUnavailableException(adbServer, "ADB server " + adbServer
          + " gave an answer to " + what + " that is not the ADB protocol", operation, serial,
          failure);
    }
    return new AdbServerUnavailableException(adbServer, "ADB server " + adbServer
        + " closed the connection without answering " + what, operation, serial, failure);
  }

  /** A {@code FAIL} reply to a host query, in ADB's own words. */
  AdbException refused(String operation, String serial, String failure) {
    String reason = failure.lines().findFirst().orElse("").strip();
    var notFound = NOT_FOUND.matcher(reason);
    if (notFound.matches()) {
      return new AdbDeviceNotFoundException(serial == null ? notFound.group(1) : serial, operation);
    }
    // adbd answers "closed" when it drops a service, e.g. while restarting: worth another try.
    boolean transientFailure = reason.equals("closed");
    String message = serial == null
        ? "ADB server " + adbServer + " refused " + operation + ": " + reason
        : "ADB refused " + operation + " on device '" + serial + "': " + reason;
    return new AdbCommandFailedException(message, operation, serial, transientFailure, false,
        null);
  }

  /**
   * A {@code FAIL} reply to switching the connection to the device or to opening the service on
   * it: the command never started, so another try is safe unless the reason is permanent.
   */
  AdbException startRefused(String operation, String serial, String failure) {
    String reason = failure.lines().findFirst().orElse("").strip();
    if (NOT_FOUND.matcher(reason).matches()) {
      return new AdbDeviceNotFoundException(serial, operation);
    }
    boolean permanent = PERMANENT_START_REFUSAL.matcher(reason).lookingAt();
    return new AdbCommandFailedException("ADB refused " + operation + " on device '" + serial
        + "': " + reason, operation, serial, !permanent, false, null);
  }

  /** A device service that broke off before its command ran. */
  AdbException setupFailure(
      String operation, String serial, Deadline deadline, IOException failure) {
    if (failure instanceof SocketTimeoutException) {
      return new AdbTimeoutException("ADB did not start " + operation + " on device '" + serial
          + "' within " + deadline.limit().toMillis() + " ms", operation, serial,
          deadline.limit());
    }
    // Nothing ran yet, so another try is safe.
    return new AdbCommandFailedException("ADB closed the connection before " + operation
        + " started on device '" + serial + "'", operation, serial, true, false, failure);
  }
}
